package io.github.xmppiot.provisioning.server;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.provisioning.element.PrivilegeRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The XEP-0050 ad-hoc commands with which owners manage their Things' rules on the provisioning server (XEP-0324 §1:
 * "a rich user interface"). Each command is a one-form command: {@code execute} returns the form, {@code complete}
 * (or {@code execute} with the submitted form) applies it; a first {@code execute} that already carries a submitted
 * form is applied at once. Only the Thing's owner may change its rules ({@code cancel/forbidden} otherwise). Ownership
 * needs proof (see {@link #CLAIM}): a stranger's claim is answered {@code cancel/forbidden}. A change is acknowledged
 * only after it is committed.
 *
 * <p>Field names: {@link #FIELD_THING}, {@link #FIELD_JID}, {@link #FIELD_ALLOW}, {@link #FIELD_PRINCIPAL},
 * {@link #FIELD_NODES} (one node per line: {@code nodeId} or {@code nodeId@sourceId}), {@link #FIELD_NAMES} (one
 * field or parameter name per line), {@link #FIELD_REMOVE}, {@link #FIELD_USER}, {@link #FIELD_PRIVILEGES} (one
 * entry per line: {@code +id} includes, {@code -id} excludes), {@link #FIELD_CREDENTIALS} (one {@code kind=value} per
 * line), {@link #FIELD_NEW_OWNER}.
 *
 * @since 0.1.0
 */
public final class OwnerCommands {

    /**
     * Claims ownership of a Thing or service that has no owner yet: field {@code thing}, and one proof:
     * <ul>
     *   <li>field {@code key}: the Thing's claim key, or the whole XEP-0347 claim string ({@code IoTDisco;...;KEY:...})
     *       from its QR code, matching the key the Thing deposited with {@link #CLAIM_KEY}; the key is consumed;</li>
     *   <li>the claimant is configured as the Thing's owner by the operator ({@link ServerOptions#owners()});</li>
     *   <li>the command is run by a trusted thing registry ({@link ServerOptions#trustedRegistries()}) reporting an
     *       XEP-0347 claim, with field {@code owner} naming the owner; a Thing owned by someone else is then handed
     *       over with its rules removed.</li>
     * </ul>
     * Without proof, with a wrong key, or with {@code owner} from an account that is not a trusted registry:
     * {@code cancel/forbidden}.
     */
    public static final String CLAIM = "urn:xmpp:iot:provisioning:claim";
    /**
     * Run by a Thing (or service) itself while it has no owner: deposits its claim key (the XEP-0347 {@code KEY} of
     * its claim string) in field {@code key}, so that whoever presents that key may {@link #CLAIM} it. Only a hash is
     * kept; a later deposit replaces it. Refused ({@code cancel/forbidden}) once the Thing has an owner.
     */
    public static final String CLAIM_KEY = "urn:xmpp:iot:provisioning:claimKey";
    /** Allows or forbids a friendship: fields {@code thing}, {@code jid}, {@code allow}. */
    public static final String FRIENDSHIP = "urn:xmpp:iot:provisioning:friendship";
    /**
     * Allows or forbids a Thing to add friends and trust relationships on its own (XEP-0324 §3.1.4): fields
     * {@code thing}, {@code allow}. The Thing is sent a {@code clearCache} and learns the new setting from its next
     * {@code isFriendResponse}.
     */
    public static final String SECONDARY_TRUST = "urn:xmpp:iot:provisioning:secondaryTrust";
    /** Sets a read rule: fields {@code thing}, {@code principal}, {@code nodes}, {@code names}, {@code remove}. */
    public static final String READ_RULE = "urn:xmpp:iot:provisioning:read";
    /** Sets a control rule: fields {@code thing}, {@code principal}, {@code nodes}, {@code names}, {@code remove}. */
    public static final String CONTROL_RULE = "urn:xmpp:iot:provisioning:control";
    /**
     * Adds or removes a rule on which users a service may admit (XEP-0324 §3.6.2, see {@link AccessRule}): fields
     * {@code thing} (the service), {@code credentials} (one {@code kind=value} condition per line, all must hold),
     * {@code remove}.
     */
    public static final String ACCESS_RULE = "urn:xmpp:iot:provisioning:access";
    /** Lists everything the owner decided about a Thing or service (in the completion note): field {@code thing}. */
    public static final String LIST_RULES = "urn:xmpp:iot:provisioning:list";
    /**
     * Hands a Thing, with its rules, to another owner: fields {@code thing}, {@code newOwner}. The former owner loses
     * the owner's rights at once; the Thing is sent a {@code clearCache}.
     */
    public static final String TRANSFER = "urn:xmpp:iot:provisioning:transfer";
    /**
     * Gives a Thing up: its owner and every rule, friendship and access rule about it are removed and anyone may claim
     * it again: field {@code thing}. Tokens no remaining rule names are revoked; the Thing is sent a
     * {@code clearCache}.
     */
    public static final String DISOWN = "urn:xmpp:iot:provisioning:disown";
    /** Sets a user's privileges in a service: fields {@code thing} (the service), {@code user}, {@code privileges}. */
    public static final String PRIVILEGES = "urn:xmpp:iot:provisioning:privileges";

    /** The Thing (or service) JID. */
    public static final String FIELD_THING = "thing";
    /** The other party of a friendship. */
    public static final String FIELD_JID = "jid";
    /** Whether a friendship is allowed. */
    public static final String FIELD_ALLOW = "allow";
    /** Who a rule is for: a bare JID or {@code token:…}. */
    public static final String FIELD_PRINCIPAL = "principal";
    /** Nodes of a rule, one per line; none: all. */
    public static final String FIELD_NODES = "nodes";
    /** Field or parameter names of a rule, one per line; none: all. */
    public static final String FIELD_NAMES = "names";
    /** Whether to remove the rule instead; removing the last rule that names a token revokes that token. */
    public static final String FIELD_REMOVE = "remove";
    /** A user name of a service; empty: users not logged in. */
    public static final String FIELD_USER = "user";
    /** Conditions of an access rule, {@code kind=value} per line (for example {@code jid=alice@example.org}). */
    public static final String FIELD_CREDENTIALS = "credentials";
    /** The account a Thing is transferred to. */
    public static final String FIELD_NEW_OWNER = "newOwner";
    /** The claim key, or the whole XEP-0347 claim string. */
    public static final String FIELD_KEY = "key";
    /** The owner a trusted registry reports for a claim. */
    public static final String FIELD_OWNER = "owner";
    /** Ordered privileges, {@code +id} or {@code -id} per line. */
    public static final String FIELD_PRIVILEGES = "privileges";

    private OwnerCommands() {}

    /** One command: its title, its form fields and what it does with a submitted form. */
    record Spec(String node, String title, List<FormField> fields, Action action) {}

    /** What a command does; returns the note shown to the owner. */
    @FunctionalInterface
    interface Action {
        String apply(OwnerActions actions, String owner, DataForm submitted) throws Exception;
    }

    static Map<String, Spec> specs() {
        Map<String, Spec> m = new LinkedHashMap<>();
        m.put(
                CLAIM,
                new Spec(
                        CLAIM,
                        "Claim a Thing",
                        List.of(
                                jid(FIELD_THING),
                                FormField.textPrivateBuilder(FIELD_KEY).build(),
                                FormField.jidSingleBuilder(FIELD_OWNER).build()),
                        (s, owner, f) -> s.claim(
                                bareJid(single(f, FIELD_THING)),
                                owner,
                                value(f, FIELD_KEY),
                                value(f, FIELD_OWNER).isEmpty() ? "" : bareJid(value(f, FIELD_OWNER)))));
        m.put(
                CLAIM_KEY,
                new Spec(
                        CLAIM_KEY,
                        "Deposit this Thing's claim key",
                        List.of(FormField.textPrivateBuilder(FIELD_KEY)
                                .setRequired(true)
                                .build()),
                        (s, thing, f) -> s.depositClaimKey(thing, single(f, FIELD_KEY))));
        m.put(
                FRIENDSHIP,
                new Spec(
                        FRIENDSHIP,
                        "Allow or forbid a friendship",
                        List.of(
                                jid(FIELD_THING),
                                jid(FIELD_JID),
                                FormField.booleanBuilder(FIELD_ALLOW).build()),
                        (s, owner, f) -> s.setFriendship(
                                owner,
                                bareJid(single(f, FIELD_THING)),
                                bareJid(single(f, FIELD_JID)),
                                bool(f, FIELD_ALLOW, true))));
        m.put(
                SECONDARY_TRUST,
                new Spec(
                        SECONDARY_TRUST,
                        "Allow or forbid secondary trust",
                        List.of(
                                jid(FIELD_THING),
                                FormField.booleanBuilder(FIELD_ALLOW).build()),
                        (s, owner, f) -> s.setSecondaryTrust(
                                owner, bareJid(single(f, FIELD_THING)), bool(f, FIELD_ALLOW, true))));
        for (String node : List.of(READ_RULE, CONTROL_RULE)) {
            AccessRequest.Kind kind = node.equals(READ_RULE) ? AccessRequest.Kind.READ : AccessRequest.Kind.CONTROL;
            m.put(
                    node,
                    new Spec(
                            node,
                            kind == AccessRequest.Kind.READ ? "Set a read rule" : "Set a control rule",
                            List.of(
                                    jid(FIELD_THING),
                                    FormField.textSingleBuilder(FIELD_PRINCIPAL)
                                            .setRequired(true)
                                            .build(),
                                    FormField.textMultiBuilder(FIELD_NODES).build(),
                                    FormField.textMultiBuilder(FIELD_NAMES).build(),
                                    FormField.booleanBuilder(FIELD_REMOVE).build()),
                            (s, owner, f) -> s.setRule(
                                    owner,
                                    new Rule(
                                            bareJid(single(f, FIELD_THING)),
                                            kind,
                                            principal(single(f, FIELD_PRINCIPAL)),
                                            nodes(lines(f, FIELD_NODES)),
                                            lines(f, FIELD_NAMES)),
                                    bool(f, FIELD_REMOVE, false))));
        }
        m.put(
                ACCESS_RULE,
                new Spec(
                        ACCESS_RULE,
                        "Set which users a service may admit",
                        List.of(
                                jid(FIELD_THING),
                                FormField.textMultiBuilder(FIELD_CREDENTIALS)
                                        .setRequired(true)
                                        .build(),
                                FormField.booleanBuilder(FIELD_REMOVE).build()),
                        (s, owner, f) -> s.setAccessRule(
                                owner,
                                AccessRule.parse(bareJid(single(f, FIELD_THING)), lines(f, FIELD_CREDENTIALS)),
                                bool(f, FIELD_REMOVE, false))));
        m.put(
                PRIVILEGES,
                new Spec(
                        PRIVILEGES,
                        "Set privileges of a user in a service",
                        List.of(
                                jid(FIELD_THING),
                                FormField.textSingleBuilder(FIELD_USER).build(),
                                FormField.textMultiBuilder(FIELD_PRIVILEGES).build()),
                        (s, owner, f) -> s.setPrivileges(
                                owner,
                                bareJid(single(f, FIELD_THING)),
                                value(f, FIELD_USER),
                                privileges(lines(f, FIELD_PRIVILEGES)))));
        m.put(
                LIST_RULES,
                new Spec(
                        LIST_RULES,
                        "List the rules of a Thing",
                        List.of(jid(FIELD_THING)),
                        (s, owner, f) -> s.list(owner, bareJid(single(f, FIELD_THING)))));
        m.put(
                TRANSFER,
                new Spec(
                        TRANSFER,
                        "Transfer a Thing to another owner",
                        List.of(jid(FIELD_THING), jid(FIELD_NEW_OWNER)),
                        (s, owner, f) -> s.transfer(
                                owner, bareJid(single(f, FIELD_THING)), bareJid(single(f, FIELD_NEW_OWNER)))));
        m.put(
                DISOWN,
                new Spec(
                        DISOWN,
                        "Give a Thing up",
                        List.of(jid(FIELD_THING)),
                        (s, owner, f) -> s.disown(owner, bareJid(single(f, FIELD_THING)))));
        return m;
    }

    private static FormField jid(String name) {
        return FormField.jidSingleBuilder(name).setRequired(true).build();
    }

    private static String value(DataForm form, String name) {
        FormField f = form.getField(name);
        String v = f == null ? null : f.getFirstValue();
        return v == null ? "" : v.strip();
    }

    private static String single(DataForm form, String name) {
        String v = value(form, name);
        if (v.isEmpty()) {
            throw new IllegalArgumentException("field '" + name + "' is required");
        }
        return v;
    }

    private static boolean bool(DataForm form, String name, boolean dflt) {
        String v = value(form, name);
        return v.isEmpty() ? dflt : v.equals("1") || v.equals("true");
    }

    private static List<String> lines(DataForm form, String name) {
        FormField f = form.getField(name);
        List<String> out = new ArrayList<>();
        if (f != null) {
            for (String v : f.getValuesAsString()) {
                for (String line : v.split("\\R")) {
                    if (!line.isBlank()) {
                        out.add(line.strip());
                    }
                }
            }
        }
        return out;
    }

    private static String bareJid(String s) {
        try {
            return JidCreate.from(s).asBareJid().toString();
        } catch (Exception e) {
            throw new IllegalArgumentException("not a JID: " + s);
        }
    }

    private static String principal(String s) {
        return s.startsWith(Rule.TOKEN_PREFIX) ? s : bareJid(s);
    }

    private static List<NodeRef> nodes(List<String> lines) {
        List<NodeRef> out = new ArrayList<>();
        for (String l : lines) {
            int at = l.indexOf('@');
            out.add(at < 0 ? NodeRef.of(l) : NodeRef.of(l.substring(0, at), l.substring(at + 1)));
        }
        return out;
    }

    private static List<PrivilegeRule> privileges(List<String> lines) {
        List<PrivilegeRule> out = new ArrayList<>();
        for (String l : lines) {
            if (!l.startsWith("+") && !l.startsWith("-")) {
                throw new IllegalArgumentException("privilege lines start with + or -: " + l);
            }
            out.add(new PrivilegeRule(l.startsWith("+"), l.substring(1).strip()));
        }
        return out;
    }
}

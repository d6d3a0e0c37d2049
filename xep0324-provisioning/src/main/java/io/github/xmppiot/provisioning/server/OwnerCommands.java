package io.github.xmppiot.provisioning.server;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.provisioning.element.PrivilegeRule;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.AdHocCommandNote;
import org.jivesoftware.smackx.commands.LocalCommand;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The XEP-0050 ad-hoc commands with which owners manage their Things' rules on the provisioning server (XEP-0324 §1:
 * "a rich user interface"). Each command is a one-form command: {@code execute} returns the form, {@code complete}
 * applies it. Only the Thing's owner may change its rules ({@code cancel/forbidden} otherwise); a Thing is owned by
 * the first account that runs {@link #CLAIM} on it. A change is acknowledged only after it is committed.
 *
 * <p>Field names: {@link #FIELD_THING}, {@link #FIELD_JID}, {@link #FIELD_ALLOW}, {@link #FIELD_PRINCIPAL},
 * {@link #FIELD_NODES} (one node per line: {@code nodeId} or {@code nodeId@sourceId}), {@link #FIELD_NAMES} (one
 * field or parameter name per line), {@link #FIELD_REMOVE}, {@link #FIELD_USER}, {@link #FIELD_PRIVILEGES} (one
 * entry per line: {@code +id} includes, {@code -id} excludes).
 */
public final class OwnerCommands {

    /** Claims ownership of a Thing or service: field {@code thing}. */
    public static final String CLAIM = "urn:xmpp:iot:provisioning:claim";
    /** Allows or forbids a friendship: fields {@code thing}, {@code jid}, {@code allow}. */
    public static final String FRIENDSHIP = "urn:xmpp:iot:provisioning:friendship";
    /** Sets a read rule: fields {@code thing}, {@code principal}, {@code nodes}, {@code names}, {@code remove}. */
    public static final String READ_RULE = "urn:xmpp:iot:provisioning:read";
    /** Sets a control rule: fields {@code thing}, {@code principal}, {@code nodes}, {@code names}, {@code remove}. */
    public static final String CONTROL_RULE = "urn:xmpp:iot:provisioning:control";
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
    /** Whether to remove the rule instead. */
    public static final String FIELD_REMOVE = "remove";
    /** A user name of a service; empty: users not logged in. */
    public static final String FIELD_USER = "user";
    /** Ordered privileges, {@code +id} or {@code -id} per line. */
    public static final String FIELD_PRIVILEGES = "privileges";

    private OwnerCommands() {
    }

    static void register(AdHocCommandManager manager, ProvisioningServer server) {
        manager.registerCommand(CLAIM, "Claim a Thing", () -> new Command(server, CLAIM, List.of(
                FormField.jidSingleBuilder(FIELD_THING).setRequired(true).build())));
        manager.registerCommand(FRIENDSHIP, "Allow or forbid a friendship", () -> new Command(server, FRIENDSHIP, List.of(
                FormField.jidSingleBuilder(FIELD_THING).setRequired(true).build(),
                FormField.jidSingleBuilder(FIELD_JID).setRequired(true).build(),
                FormField.booleanBuilder(FIELD_ALLOW).build())));
        for (String node : List.of(READ_RULE, CONTROL_RULE)) {
            manager.registerCommand(node, node.equals(READ_RULE) ? "Set a read rule" : "Set a control rule",
                    () -> new Command(server, node, List.of(
                            FormField.jidSingleBuilder(FIELD_THING).setRequired(true).build(),
                            FormField.textSingleBuilder(FIELD_PRINCIPAL).setRequired(true).build(),
                            FormField.textMultiBuilder(FIELD_NODES).build(),
                            FormField.textMultiBuilder(FIELD_NAMES).build(),
                            FormField.booleanBuilder(FIELD_REMOVE).build())));
        }
        manager.registerCommand(PRIVILEGES, "Set privileges of a user in a service", () -> new Command(server, PRIVILEGES,
                List.of(FormField.jidSingleBuilder(FIELD_THING).setRequired(true).build(),
                        FormField.textSingleBuilder(FIELD_USER).build(),
                        FormField.textMultiBuilder(FIELD_PRIVILEGES).build())));
    }

    /** A one-form command. */
    private static final class Command extends LocalCommand {
        private final ProvisioningServer server;
        private final List<FormField> fields;

        Command(ProvisioningServer server, String node, List<FormField> fields) {
            this.server = server;
            this.fields = fields;
            setNode(node);
        }

        @Override
        public boolean isLastStage() {
            return getCurrentStage() > 0;
        }

        @Override
        public boolean hasPermission(Jid jid) {
            return jid != null && jid.hasLocalpart();
        }

        @Override
        public void execute() {
            setForm(DataForm.builder(DataForm.Type.form).setTitle(getNode()).addFields(fields).build());
            addActionAvailable(AdHocCommand.Action.complete);
            setExecuteAction(AdHocCommand.Action.complete);
        }

        @Override
        public void next(FillableForm response) throws XMPPException.XMPPErrorException {
            throw error(StanzaError.Condition.bad_request, "one-stage command");
        }

        @Override
        public void prev() throws XMPPException.XMPPErrorException {
            throw error(StanzaError.Condition.bad_request, "one-stage command");
        }

        @Override
        public void cancel() {
            // nothing was changed before complete
        }

        @Override
        public void complete(FillableForm form) throws XMPPException.XMPPErrorException {
            String owner = getOwnerJID().asBareJid().toString();
            String thing = bareJid(single(form, FIELD_THING));
            try {
                String note = switch (getNode()) {
                    case CLAIM -> server.claim(thing, owner);
                    case FRIENDSHIP -> server.setFriendship(owner, thing, bareJid(single(form, FIELD_JID)),
                            bool(form, FIELD_ALLOW, true));
                    case READ_RULE, CONTROL_RULE -> server.setRule(owner, new Rule(thing,
                            getNode().equals(READ_RULE) ? AccessRequest.Kind.READ : AccessRequest.Kind.CONTROL,
                            principal(single(form, FIELD_PRINCIPAL)), nodes(lines(form, FIELD_NODES)),
                            lines(form, FIELD_NAMES)), bool(form, FIELD_REMOVE, false));
                    default -> server.setPrivileges(owner, thing, value(form, FIELD_USER),
                            privileges(lines(form, FIELD_PRIVILEGES)));
                };
                addNote(new AdHocCommandNote(AdHocCommandNote.Type.info, note));
            } catch (SecurityException e) {
                throw error(StanzaError.Condition.forbidden, e.getMessage());
            } catch (IllegalArgumentException e) {
                throw error(StanzaError.Condition.bad_request, e.getMessage());
            } catch (Exception e) {
                throw error(StanzaError.Condition.internal_server_error, "not stored: " + e.getMessage());
            }
        }

        private static String value(FillableForm form, String name) {
            FormField f = form.getField(name);
            String v = f == null ? null : f.getFirstValue();
            return v == null ? "" : v.strip();
        }

        private static String single(FillableForm form, String name) {
            String v = value(form, name);
            if (v.isEmpty()) {
                throw new IllegalArgumentException("field '" + name + "' is required");
            }
            return v;
        }

        private static boolean bool(FillableForm form, String name, boolean dflt) {
            String v = value(form, name);
            return v.isEmpty() ? dflt : v.equals("1") || v.equals("true");
        }

        private static List<String> lines(FillableForm form, String name) {
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

        private static XMPPException.XMPPErrorException error(StanzaError.Condition condition, String text) {
            return new XMPPException.XMPPErrorException(null,
                    StanzaError.getBuilder(condition).setDescriptiveEnText(text).build());
        }
    }
}

package io.github.xmppiot.provisioning.server;

import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.provisioning.element.Friend;
import io.github.xmppiot.provisioning.element.PrivilegeRule;
import io.github.xmppiot.provisioning.element.Unfriend;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jxmpp.jid.impl.JidCreate;

/**
 * What the {@link OwnerCommands} do on the provisioning server: every change is checked against the Thing's owner,
 * committed, and (where it affects the Thing's decisions) followed by a {@code clearCache} (XEP-0324 §3.5.1). Runs
 * on the server's executor. Each method returns the note shown to the owner.
 */
final class OwnerActions {

    private final ProvisioningServer server;
    private final ProvisioningStore store;

    OwnerActions(ProvisioningServer server, ProvisioningStore store) {
        this.server = server;
        this.store = store;
    }

    /**
     * A claim with proof (see {@link OwnerCommands#CLAIM}): a trusted registry naming the owner, the operator's owner
     * list, or the Thing's claim key; anything else is refused with a {@link SecurityException}.
     */
    String claim(String thing, String sender, String key, String reportedOwner) throws Exception {
        server.requireOpen();
        ServerOptions options = server.settings().options();
        String owner;
        if (reportedOwner.isEmpty() && store.owner(thing).map(sender::equals).orElse(false)) {
            return thing + " is already owned by " + sender;
        }
        if (!reportedOwner.isEmpty()) {
            if (!options.trustedRegistries().contains(sender)) {
                throw new SecurityException("only a trusted thing registry may name the owner of " + thing);
            }
            owner = reportedOwner;
            Optional<String> previous = store.owner(thing);
            if (previous.isPresent() && !previous.get().equals(owner)) {
                // the registry is the authority on who claimed the Thing: the former owner's rules go with it
                removeEverything(thing);
            }
        } else if (sender.equals(options.owners().get(thing))) {
            owner = sender;
        } else if (!key.isEmpty()) {
            if (key.length() > options.maxClaimKeyLength()) {
                throw new IllegalArgumentException(
                        "the claim key is longer than " + options.maxClaimKeyLength() + " characters");
            }
            if (!store.claimKeyMatches(thing, ClaimKeys.keyOf(key))) {
                throw new SecurityException("the claim key does not match the one " + thing + " deposited");
            }
            owner = sender;
        } else {
            throw new SecurityException("claiming " + thing + " needs proof: present its claim string or KEY (field '"
                    + OwnerCommands.FIELD_KEY + "'), be configured as its owner by the operator, or claim it through"
                    + " a trusted thing registry");
        }
        String actual = store.claim(thing, owner);
        if (!actual.equals(owner)) {
            throw new SecurityException(thing + " is owned by someone else");
        }
        store.removeClaimKey(thing);
        // The owner's rights start now: refusals the Thing cached before the claim must go (§3.5.1).
        server.changed(thing);
        return thing + " is owned by " + owner;
    }

    /** A Thing (the command's sender) deposits its claim key while it has no owner. */
    String depositClaimKey(String thing, String key) throws Exception {
        server.requireOpen();
        if (key.length() > server.settings().options().maxClaimKeyLength()) {
            throw new IllegalArgumentException("the claim key is longer than "
                    + server.settings().options().maxClaimKeyLength() + " characters");
        }
        if (store.owner(thing).isPresent()) {
            throw new SecurityException(thing + " already has an owner; it must be disowned before a new claim key");
        }
        store.setClaimKey(thing, ClaimKeys.keyOf(key));
        return "claim key of " + thing + " stored; whoever presents it may claim " + thing;
    }

    private void requireOwner(String owner, String thing) throws SQLException {
        server.requireOpen();
        if (!store.owner(thing).map(owner::equals).orElse(false)) {
            throw new SecurityException("only the owner of " + thing + " may do this");
        }
    }

    /**
     * An owner's friendship decision (XEP-0324 §3.2): a new allowance is recommended to the Thing with
     * {@code friend} (§3.2.4); a prohibition is sent as {@code unfriend} only if the Thing asked about that JID
     * before (§3.2.3).
     */
    String setFriendship(String owner, String thing, String friend, boolean allow) throws Exception {
        requireOwner(owner, thing);
        boolean before = store.friendship(thing, friend).orElse(false);
        store.setFriendship(thing, friend, allow);
        boolean order = allow ? !before : store.hasAsked(thing, friend);
        if (order) {
            server.sendToThing(
                    thing, allow ? new Friend(JidCreate.from(friend)) : new Unfriend(JidCreate.from(friend)));
        }
        server.changed(thing);
        return (allow ? "friendship allowed: " : "friendship forbidden: ") + thing + " / " + friend
                + (order ? (allow ? " (friend recommended)" : " (unfriend sent)") : "");
    }

    String setSecondaryTrust(String owner, String thing, boolean allowed) throws Exception {
        requireOwner(owner, thing);
        store.setSecondaryTrust(thing, allowed);
        server.changed(thing);
        return (allowed ? "secondary trust allowed for " : "secondary trust forbidden for ") + thing;
    }

    /**
     * Stores or removes a read or control rule. Removing the last rule that names a token revokes the token
     * (device, service or user token): it is then treated as never issued.
     */
    String setRule(String owner, Rule rule, boolean remove) throws Exception {
        requireOwner(owner, rule.thing());
        if (remove) {
            store.removeRule(rule.thing(), rule.kind(), rule.principal());
        } else {
            store.putRule(rule);
        }
        boolean revoked =
                remove && rule.principal().startsWith(Rule.TOKEN_PREFIX) && !store.isReferenced(rule.principal());
        if (revoked) {
            store.revokeToken(rule.principal().substring(Rule.TOKEN_PREFIX.length()));
        }
        server.changed(rule.thing());
        return (remove ? "removed " : "stored ") + rule.kind().name().toLowerCase(Locale.ROOT) + " rule of "
                + rule.principal() + " on " + rule.thing() + (revoked ? " (token revoked)" : "");
    }

    String setAccessRule(String owner, AccessRule rule, boolean remove) throws Exception {
        requireOwner(owner, rule.service());
        if (remove) {
            store.removeAccessRule(rule);
        } else {
            store.putAccessRule(rule);
        }
        return (remove ? "removed" : "stored") + " access rule of " + rule.service() + ": "
                + String.join(", ", rule.lines());
    }

    String setPrivileges(String owner, String service, String user, List<PrivilegeRule> rules) throws Exception {
        requireOwner(owner, service);
        store.setPrivileges(service, user, rules);
        return "stored " + rules.size() + " privilege entries of '" + user + "' in " + service;
    }

    /** Everything the owner decided about a Thing (or service), one entry per line. */
    String list(String owner, String thing) throws Exception {
        requireOwner(owner, thing);
        List<String> lines = new ArrayList<>();
        lines.add("owner: " + owner);
        lines.add("secondary trust: " + (store.secondaryTrust(thing) ? "allowed" : "forbidden"));
        for (Map.Entry<String, Boolean> f : store.friendships(thing).entrySet()) {
            lines.add("friendship " + f.getKey() + ": " + (f.getValue() ? "allowed" : "forbidden"));
        }
        for (AccessRequest.Kind kind : AccessRequest.Kind.values()) {
            for (Rule r : store.rules(thing, kind)) {
                lines.add(kind.name().toLowerCase(Locale.ROOT) + " rule " + r.principal() + ": nodes "
                        + (r.nodes().isEmpty()
                                ? "all"
                                : r.nodes().stream().map(OwnerActions::node).collect(Collectors.joining(" ")))
                        + "; names " + (r.names().isEmpty() ? "all" : String.join(" ", r.names())));
            }
        }
        for (AccessRule a : store.accessRules(thing)) {
            lines.add("access rule: " + String.join(", ", a.lines()));
        }
        return String.join("\n", lines);
    }

    private static String node(io.github.xmppiot.core.NodeRef n) {
        return n.sourceId() == null || n.sourceId().isEmpty() ? n.nodeId() : n.nodeId() + "@" + n.sourceId();
    }

    /** Hands a Thing and its rules to another account; the former owner loses its owner's rights at once. */
    String transfer(String owner, String thing, String newOwner) throws Exception {
        requireOwner(owner, thing);
        store.setOwner(thing, newOwner);
        server.changed(thing);
        return thing + " is now owned by " + newOwner;
    }

    /**
     * Gives a Thing up: its owner and every rule about it are removed; it may be claimed again with new proof (the
     * Thing deposits a new claim key). Tokens no other rule names any more are revoked, as when their last rule is
     * removed one by one.
     */
    String disown(String owner, String thing) throws Exception {
        requireOwner(owner, thing);
        removeEverything(thing);
        server.changed(thing);
        return thing + " has no owner and no rules any more";
    }

    /** Removes the owner and every rule of a Thing; revokes the tokens no other rule names any more. */
    private void removeEverything(String thing) throws Exception {
        List<String> tokenPrincipals = new ArrayList<>();
        for (AccessRequest.Kind kind : AccessRequest.Kind.values()) {
            store.rules(thing, kind).stream()
                    .map(Rule::principal)
                    .filter(p -> p.startsWith(Rule.TOKEN_PREFIX))
                    .forEach(tokenPrincipals::add);
        }
        store.disown(thing);
        for (String p : tokenPrincipals) {
            if (!store.isReferenced(p)) {
                store.revokeToken(p.substring(Rule.TOKEN_PREFIX.length()));
            }
        }
    }
}

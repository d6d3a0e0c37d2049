package io.github.xmppiot.examples.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.AbstractRosterListener;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.RosterListener;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Friendship from the command line: devices serve their friends (XEP-0323 §3.10, XEP-0325 §3.8, XEP-0324 §3.2),
 * and a friendship is a presence subscription (RFC 6121 §3). {@code befriend} asks, {@code accept} accepts (run on the
 * device's account), {@code contacts} lists.
 */
final class FriendCommands {

    private FriendCommands() {}

    private static BareJid bare(String text) {
        Jid jid = Session.jid(text, "JID");
        if (!jid.hasLocalpart()) {
            throw CliException.badInput("JID '" + text + "' is not an account like thing@example.org");
        }
        return jid.asBareJid();
    }

    private static Roster loaded(XMPPConnection c) throws Exception {
        Roster roster = Roster.getInstanceFor(c);
        if (!roster.isLoaded()) {
            roster.reloadAndWait();
        }
        return roster;
    }

    /** {@code xmpp-iot befriend}: asks a device for a presence subscription and waits for its answer. */
    @Command(
            name = "befriend",
            sortOptions = false,
            header = "Asks a device to be friends, so it serves you.",
            description = {
                "Asks a device for friendship (a presence subscription) and waits up to --timeout for its",
                "answer. A device started with '--allow YOU' accepts at once; otherwise its owner accepts with",
                "'xmpp-iot accept YOU --jid DEVICE'. Friends see each other's presence, so bare JIDs find them."
            })
    static final class Befriend implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "JID", description = "The device's bare JID, e.g. thing@example.org.")
        private String device;

        @Mixin
        private ConnectionOptions connection;

        @Mixin
        private Output output;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            BareJid target = bare(device);
            try (Session s = Session.open(connection, spec.commandLine().getErr())) {
                XMPPConnection c = s.connection();
                BareJid me = c.getUser().asBareJid();
                if (target.equals(me)) {
                    throw CliException.badInput("you are always your own friend; give the device's JID");
                }
                Roster roster = loaded(c);
                RosterEntry entry = roster.getEntry(target);
                if (entry != null && entry.canSeeHisPresence()) {
                    return done(target, "already", "already a friend of " + target);
                }
                CompletableFuture<Presence.Type> answer = new CompletableFuture<>();
                StanzaListener listener = stanza -> {
                    Presence p = (Presence) stanza;
                    switch (p.getType()) {
                        case subscribed, unsubscribed -> answer.complete(p.getType());
                        // the device asks back, for a mutual friendship: accepted, as we asked first
                        case subscribe ->
                            c.sendStanza(c.getStanzaFactory()
                                    .buildPresenceStanza()
                                    .ofType(Presence.Type.subscribed)
                                    .to(target)
                                    .build());
                        default -> {}
                    }
                };
                c.addAsyncStanzaListener(
                        listener, new AndFilter(StanzaTypeFilter.PRESENCE, FromMatchesFilter.createBare(target)));
                try {
                    roster.sendSubscriptionRequest(target);
                    s.progress().step("waiting for " + target + " to accept ...");
                    Presence.Type type = answer.get(s.timeout().toMillis(), TimeUnit.MILLISECONDS);
                    s.progress().clear();
                    if (type == Presence.Type.unsubscribed) {
                        throw new CliException(
                                CliException.FAILED,
                                target + " refused the friend request: ask its"
                                        + " owner to run 'xmpp-iot accept " + me + " --jid " + target
                                        + "', or for '--allow "
                                        + me + "'");
                    }
                    return done(
                            target,
                            "accepted",
                            target + " accepted: you are friends; try 'xmpp-iot read " + target + " --jid " + me + "'");
                } catch (TimeoutException e) {
                    s.progress().clear();
                    return done(
                            target,
                            "asked",
                            "asked " + target + " to be friends; no answer within "
                                    + s.timeout().toSeconds() + " s: its owner accepts with 'xmpp-iot accept " + me
                                    + " --jid " + target + "' (a device started with '--allow " + me
                                    + "' accepts at once)");
                } finally {
                    c.removeAsyncStanzaListener(listener);
                }
            }
        }

        private int done(BareJid target, String state, String text) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("device", target.toString());
            json.put("friendship", state);
            output.result(spec.commandLine().getOut(), json, text);
            return 0;
        }
    }

    /** {@code xmpp-iot accept}: accepts a pending friend request, and asks back for a mutual friendship. */
    @Command(
            name = "accept",
            sortOptions = false,
            header = "Accepts a friend request (run as the device).",
            description = {
                "Accepts the pending friend request of JID: run it with the device's account (--jid of the",
                "device; a running thing or hub keeps running). JID may then read and control the device, and a bare",
                "JID of the device finds it. Asks JID back, so that the friendship is mutual."
            })
    static final class Accept implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "JID", description = "Who asked, e.g. alice@example.org.")
        private String requester;

        @Mixin
        private ConnectionOptions connection;

        @Mixin
        private Output output;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            BareJid who = bare(requester);
            try (Session s = Session.open(connection, spec.commandLine().getErr())) {
                XMPPConnection c = s.connection();
                BareJid me = c.getUser().asBareJid();
                Roster roster = loaded(c);
                CompletableFuture<Void> approved = new CompletableFuture<>();
                RosterListener listener = new AbstractRosterListener() {
                    @Override
                    public void entriesAdded(java.util.Collection<Jid> addresses) {
                        check();
                    }

                    @Override
                    public void entriesUpdated(java.util.Collection<Jid> addresses) {
                        check();
                    }

                    private void check() {
                        RosterEntry e = roster.getEntry(who);
                        if (e != null && e.canSeeMyPresence()) {
                            approved.complete(null);
                        }
                    }
                };
                roster.addRosterListener(listener);
                try {
                    c.sendStanza(c.getStanzaFactory()
                            .buildPresenceStanza()
                            .ofType(Presence.Type.subscribed)
                            .to(who)
                            .build());
                    RosterEntry entry = roster.getEntry(who);
                    if (entry == null || !(entry.canSeeHisPresence() || entry.isSubscriptionPending())) {
                        roster.sendSubscriptionRequest(who);
                    }
                    if (entry != null && entry.canSeeMyPresence()) {
                        approved.complete(null);
                    }
                    s.progress().step("accepting " + who + " ...");
                    approved.get(s.timeout().toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    throw new CliException(
                            CliException.FAILED,
                            who + " has no pending friend request to " + me + ": ask them to run 'xmpp-iot befriend "
                                    + me + " --jid " + who + "' first",
                            e);
                } finally {
                    roster.removeRosterListener(listener);
                    s.progress().clear();
                }
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("friend", who.toString());
                output.result(
                        spec.commandLine().getOut(), json, "accepted " + who + ": it is a friend of " + me + " now");
                return 0;
            }
        }
    }

    /** {@code xmpp-iot contacts}: the roster, with the state of each friendship. */
    @Command(
            name = "contacts",
            sortOptions = false,
            header = "Lists your contacts and friendships.",
            description = {
                "Lists the contacts of the account. subscription: both = friends; to = you see its",
                "presence (it accepted you); from = it sees yours (you accepted it); none. asked = your request",
                "is waiting for its answer."
            })
    static final class Contacts implements Callable<Integer> {

        static final List<String> COLUMNS = List.of("contact", "subscription", "asked", "name");

        @Mixin
        private ConnectionOptions connection;

        @Mixin
        private Output output;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Session s = Session.open(connection, spec.commandLine().getErr())) {
                List<RosterEntry> entries =
                        new ArrayList<>(loaded(s.connection()).getEntries());
                entries.sort(Comparator.comparing(e -> e.getJid().toString()));
                List<List<Object>> rows = new ArrayList<>();
                for (RosterEntry e : entries) {
                    rows.add(List.of(
                            e.getJid().toString(),
                            e.getType().toString(),
                            e.isSubscriptionPending(),
                            e.getName() == null ? "" : e.getName()));
                }
                output.rows(spec.commandLine().getOut(), COLUMNS, rows);
                return 0;
            }
        }
    }
}

package io.github.xmppiot.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.xmppiot.provisioning.server.JdbcProvisioningStore;
import io.github.xmppiot.provisioning.server.OwnerCommands;
import io.github.xmppiot.provisioning.server.ProvisioningServer;
import io.github.xmppiot.provisioning.server.ProvisioningServerSettings;
import io.github.xmppiot.provisioning.server.ServerListener;
import io.github.xmppiot.provisioning.server.ServerOptions;
import io.github.xmppiot.testkit.StanzaLink;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.AbstractPresenceEventListener;
import org.jivesoftware.smack.roster.PresenceEventListener;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.AdHocCommandNote;
import org.jivesoftware.smackx.commands.RemoteCommand;
import org.jivesoftware.smackx.commands.packet.AdHocCommandData;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.FullJid;
import org.jxmpp.jid.Jid;

/**
 * A provisioning scenario without a network: a provisioning server on an in-memory H2 store, a Thing running a
 * {@link ProvisioningClient}, an owner and a stranger, each a {@link StanzaLink} peer (every stanza relayed through its
 * XML). Nothing on the link plays the XMPP server: presences are sent from peer to peer by the test, and rosters are not
 * loaded at login (nobody would answer). Waits are short so that a broken step fails the test quickly.
 */
final class Wire implements AutoCloseable {

    /** Longest wait for an answer or an event; every step here takes milliseconds. */
    static final Duration WAIT = Duration.ofSeconds(5);

    private static final AtomicInteger NEXT = new AtomicInteger();

    final StanzaLink link = new StanzaLink();
    final StanzaLink.Peer thingConn;
    final StanzaLink.Peer provConn;
    final StanzaLink.Peer ownerConn;
    final StanzaLink.Peer strangerConn;
    final JdbcProvisioningStore store;
    final ProvisioningServer server;
    final ProvisioningClient thing;
    /** Things that acknowledged a {@code clearCache}, in order. */
    final BlockingQueue<String> acknowledged = new LinkedBlockingQueue<>();
    /** What the Thing's client reported, one line per event. */
    final BlockingQueue<String> thingEvents = new LinkedBlockingQueue<>();

    Wire() throws Exception {
        this(ServerOptions.defaults());
    }

    Wire(ServerOptions options) throws Exception {
        Roster.setRosterLoadedAtLoginDefault(false); // nobody on the link answers the roster request
        try {
            thingConn = peer("thing");
            provConn = peer("prov");
            ownerConn = peer("owner");
            strangerConn = peer("stranger");
        } finally {
            Roster.setRosterLoadedAtLoginDefault(true); // Smack's default
        }
        store = JdbcProvisioningStore.h2InMemory("wire" + NEXT.incrementAndGet());
        server = ProvisioningServer.start(
                provConn,
                store,
                ProvisioningServerSettings.builder().options(options).build());
        server.addListener(new ServerListener() {
            @Override
            public void clearCacheAcknowledged(String t) {
                acknowledged.add(t);
            }
        });
        thing = ProvisioningClient.getInstanceFor(thingConn);
        thing.addListener(new ProvisioningListener() {
            @Override
            public void cacheCleared(Jid cause) {
                thingEvents.add("cleared by " + cause);
            }

            @Override
            public void friendshipDecided(BareJid requester, boolean accepted) {
                thingEvents.add((accepted ? "accepted " : "rejected ") + requester);
            }

            @Override
            public void unfriended(BareJid former) {
                thingEvents.add("unfriended " + former);
            }

            @Override
            public void friendRequested(BareJid recommended) {
                thingEvents.add("befriending " + recommended);
            }

            @Override
            public void untrustedOrderIgnored(Jid from, String element) {
                thingEvents.add("ignored " + element + " from " + from);
            }
        });
    }

    StanzaLink.Peer peer(String name) throws Exception {
        StanzaLink.Peer p = link.peer(name);
        p.setReplyTimeout(WAIT.toMillis());
        return p;
    }

    /** A further peer, with rosters not loaded at login like the others. */
    StanzaLink.Peer extraPeer(String name) throws Exception {
        Roster.setRosterLoadedAtLoginDefault(false);
        try {
            return peer(name);
        } finally {
            Roster.setRosterLoadedAtLoginDefault(true); // Smack's default
        }
    }

    static BareJid bare(XMPPConnection c) {
        return c.getUser().asBareJid();
    }

    String thingJid() {
        return bare(thingConn).toString();
    }

    BareJid serverJid() {
        return bare(provConn);
    }

    static <T> T get(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next event of the Thing's client (fails after {@link #WAIT}). */
    String nextThingEvent() throws InterruptedException {
        String e = thingEvents.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(e).as("an event of the Thing's client").isNotNull();
        return e;
    }

    /** Waits until the Thing's client reported all of these events, in any order; returns any others seen meanwhile. */
    List<String> awaitThingEvents(String... expected) throws InterruptedException {
        java.util.Set<String> missing = new java.util.HashSet<>(List.of(expected));
        List<String> others = new java.util.ArrayList<>();
        while (!missing.isEmpty()) {
            String e = thingEvents.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(e).as("events " + missing + " of the Thing's client").isNotNull();
            if (!missing.remove(e)) {
                others.add(e);
            }
        }
        return others;
    }

    /** Waits for the next {@code clearCache} acknowledgement and returns the Thing that sent it. */
    String nextAck() throws InterruptedException {
        String t = acknowledged.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(t).as("a clearCache acknowledgement").isNotNull();
        return t;
    }

    /** Sends an available presence from one peer to another and waits until the recipient's roster has handled it. */
    static void available(XMPPConnection from, XMPPConnection to) throws Exception {
        presence(from, to, Presence.Type.available);
    }

    /** Sends an unavailable presence from one peer to another and waits until the recipient's roster handled it. */
    static void unavailable(XMPPConnection from, XMPPConnection to) throws Exception {
        presence(from, to, Presence.Type.unavailable);
    }

    private static void presence(XMPPConnection from, XMPPConnection to, Presence.Type type) throws Exception {
        CountDownLatch seen = new CountDownLatch(1);
        FullJid who = (FullJid) from.getUser();
        PresenceEventListener l = new AbstractPresenceEventListener() {
            @Override
            public void presenceAvailable(FullJid address, Presence presence) {
                seenIf(Presence.Type.available, address);
            }

            @Override
            public void presenceUnavailable(FullJid address, Presence presence) {
                seenIf(Presence.Type.unavailable, address);
            }

            private void seenIf(Presence.Type arrived, FullJid address) {
                if (arrived == type && address.equals(who)) {
                    seen.countDown();
                }
            }
        };
        Roster roster = Roster.getInstanceFor(to);
        roster.addPresenceEventListener(l);
        try {
            from.sendStanza(from.getStanzaFactory()
                    .buildPresenceStanza()
                    .ofType(type)
                    .to(to.getUser())
                    .build());
            assertThat(seen.await(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                    .as(to.getUser() + " sees " + who + " " + type)
                    .isTrue();
        } finally {
            roster.removePresenceEventListener(l);
        }
    }

    /** The Thing trusts the server, and each sees the other online (as a server would tell them). */
    void trustAndMeet() throws Exception {
        CompletableFuture<Void> trusted = thing.trust(serverJid());
        available(provConn, thingConn);
        get(trusted);
        available(thingConn, provConn);
        assertThat(thingEvents.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .as("a new trust relationship clears the cache")
                .isEqualTo("cleared by " + serverJid());
    }

    /** {@link #trustAndMeet()}, then the Thing deposits a claim key and the owner claims it; waits for the ack. */
    void claimed() throws Exception {
        trustAndMeet();
        get(thing.depositClaimKey(serverJid(), "KEY-1"));
        String note = command(
                ownerConn,
                OwnerCommands.CLAIM,
                Map.of(OwnerCommands.FIELD_THING, thingJid(), OwnerCommands.FIELD_KEY, "IoTDisco;MAN:x;KEY:KEY-1"));
        assertThat(note).isEqualTo(thingJid() + " is owned by " + bare(ownerConn));
        assertThat(nextAck()).isEqualTo(thingJid());
        assertThat(nextThingEvent()).isEqualTo("cleared by " + provConn.getUser());
    }

    /** Runs an owner command on the server as {@code who}, checks that it completed and returns its notes. */
    String command(XMPPConnection who, String node, Map<String, ?> answers) throws Exception {
        RemoteCommand cmd =
                AdHocCommandManager.getAddHocCommandsManager(who).getRemoteCommand(provConn.getUser(), node);
        cmd.execute();
        assertThat(cmd.getStatus()).isEqualTo(AdHocCommand.Status.executing);
        FillableForm form = new FillableForm(cmd.getForm());
        for (Map.Entry<String, ?> a : answers.entrySet()) {
            if (a.getValue() instanceof Boolean b) {
                form.setAnswer(a.getKey(), b);
            } else if (a.getValue() instanceof Collection<?> c) {
                form.setAnswer(a.getKey(), c.stream().map(String::valueOf).toList());
            } else {
                form.setAnswer(a.getKey(), String.valueOf(a.getValue()));
            }
        }
        cmd.complete(form);
        assertThat(cmd.getStatus()).isEqualTo(AdHocCommand.Status.completed);
        return String.join(
                "\n", cmd.getNotes().stream().map(AdHocCommandNote::getValue).toList());
    }

    /** The error condition with which the server refuses a command. */
    StanzaError.Condition refused(XMPPConnection who, String node, Map<String, ?> answers) {
        XMPPException.XMPPErrorException e =
                catchThrowableOfType(() -> command(who, node, answers), XMPPException.XMPPErrorException.class);
        assertThat(e).as("refused: " + node + " " + answers).isNotNull();
        return e.getStanzaError().getCondition();
    }

    /**
     * Sends one {@code command} IQ as {@code who} and returns the answer: a submitted form with the given text fields
     * (none: no form), in a session or not, with an action.
     */
    AdHocCommandData raw(
            XMPPConnection who, String node, String session, AdHocCommand.Action action, Map<String, String> fields)
            throws Exception {
        AdHocCommandData d = new AdHocCommandData();
        d.setType(IQ.Type.set);
        d.setTo(provConn.getUser());
        d.setNode(node);
        d.setSessionID(session);
        d.setAction(action);
        if (!fields.isEmpty()) {
            DataForm.Builder form = DataForm.builder(DataForm.Type.submit).setFormType(node);
            fields.forEach((k, v) ->
                    form.addField(FormField.textSingleBuilder(k).setValue(v).build()));
            d.setForm(form.build());
        }
        return who.sendIqRequestAndWaitForResponse(d);
    }

    /** The error condition with which the server answers {@link #raw}. */
    StanzaError.Condition rawRefused(
            XMPPConnection who, String node, String session, AdHocCommand.Action action, Map<String, String> fields) {
        XMPPException.XMPPErrorException e = catchThrowableOfType(
                () -> raw(who, node, session, action, fields), XMPPException.XMPPErrorException.class);
        assertThat(e).as("refused: " + node + " " + fields).isNotNull();
        return e.getStanzaError().getCondition();
    }

    /** The lines of {@link OwnerCommands#LIST_RULES} for the Thing, as its owner. */
    List<String> list(XMPPConnection who) throws Exception {
        return List.of(command(who, OwnerCommands.LIST_RULES, Map.of(OwnerCommands.FIELD_THING, thingJid()))
                .split("\n"));
    }

    @Override
    public void close() throws Exception {
        thing.close();
        server.close();
        link.close();
        store.close();
    }
}

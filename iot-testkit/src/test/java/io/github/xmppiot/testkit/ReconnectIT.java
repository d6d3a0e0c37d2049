package io.github.xmppiot.testkit;

import static io.github.xmppiot.testkit.ConnectionEventRecorder.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.connection.ConnectionEvent;
import io.github.xmppiot.core.connection.ConnectionLostException;
import io.github.xmppiot.core.connection.ConnectionSupervisor;
import io.github.xmppiot.core.connection.IotConnection;
import io.github.xmppiot.core.connection.ReconnectPolicy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.iqregister.AccountManager;
import org.jivesoftware.smackx.ping.PingManager;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reconnection through a real Prosody: after a clean restart, a {@code kill -9} and a network cut through the
 * {@link FaultProxy}, a supervised connection comes back by itself with the same full JID, re-announces its
 * presence, and requests in flight fail at once with {@link ConnectionLostException}.
 */
@ProsodyTest
class ReconnectIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final ReconnectPolicy FAST =
            ReconnectPolicy.defaults().withDelays(Duration.ofMillis(200), Duration.ofSeconds(1));

    static FaultProxy proxy;

    @BeforeAll
    static void startProxy(ProsodyServer server) {
        proxy = FaultProxy.to(server);
    }

    @AfterAll
    static void stopProxy() {
        proxy.close();
    }

    private static XMPPTCPConnection device(ProsodyServer server, String user) throws Exception {
        return IotConnection.connect(server.iotConfigBuilder(user)
                .port(proxy.port())
                .resource("dev")
                .reconnect(FAST)
                .build());
    }

    @Test
    void networkCutResumesTheStreamAndFailsRequestsInFlight(ProsodyServer server) throws Exception {
        XMPPTCPConnection device = device(server, "cut-device");
        ConnectionEventRecorder events = ConnectionEventRecorder.attach(device);
        ConnectionSupervisor supervisor = ConnectionSupervisor.getInstanceFor(device);
        String jid = device.getUser().toString();
        CompletableFuture<String> inFlight = supervisor.failFast(new CompletableFuture<>());

        proxy.cut(Duration.ofSeconds(2));

        assertThat(events.await(ConnectionEvent.Offline.class, WAIT).error()).isPresent();
        assertThatThrownBy(() -> inFlight.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ConnectionLostException.class);
        assertThat(supervisor.failFast(new CompletableFuture<>())).isCompletedExceptionally();
        assertThat(events.await(ConnectionEvent.Reconnecting.class, WAIT).attempt())
                .isEqualTo(1);
        ConnectionEvent.Restored restored = events.await(ConnectionEvent.Restored.class, WAIT);
        assertThat(restored.resumed())
                .as("XEP-0198 resumption through mod_smacks")
                .isTrue();
        assertThat(restored.jid()).isEqualTo(jid);
        assertThat(supervisor.state()).isEqualTo(ConnectionSupervisor.State.ONLINE);
        XMPPTCPConnection peer = server.connect("cut-peer");
        assertThat(PingManager.getInstanceFor(peer).ping(device.getUser())).isTrue();
        device.disconnect();
    }

    @Test
    void aResumedStreamDeliversWhatWasInFlightExceptTheRequestsThatFailed(ProsodyServer server) throws Exception {
        XMPPTCPConnection client = device(server, "resend-client");
        XMPPTCPConnection peer = server.connect("resend-client", "peer");
        List<String> pingsSeen = new CopyOnWriteArrayList<>();
        peer.registerIQRequestHandler(
                new AbstractIqRequestHandler(Ping.ELEMENT, Ping.NAMESPACE, IQ.Type.get, IQRequestHandler.Mode.sync) {
                    @Override
                    public IQ handleIQRequest(IQ request) {
                        pingsSeen.add(request.getStanzaId());
                        return IQ.createResultIQ(request);
                    }
                });
        List<String> messagesSeen = new CopyOnWriteArrayList<>();
        peer.addSyncStanzaListener(s -> messagesSeen.add(((Message) s).getBody()), StanzaTypeFilter.MESSAGE);
        ConnectionEventRecorder events = ConnectionEventRecorder.attach(client);
        proxy.blackHole(WAIT, FaultProxy.Direction.TO_SERVER);
        Ping request = new Ping(peer.getUser());
        CompletableFuture<IQ> inFlight = new CompletableFuture<>();
        client.sendIqRequestAsync(request).onSuccess(inFlight::complete).onError(inFlight::completeExceptionally);
        ConnectionSupervisor.getInstanceFor(client).failFast(inFlight);
        client.sendStanza(client.getStanzaFactory()
                .buildMessageStanza()
                .to(peer.getUser())
                .setBody("in flight")
                .build());

        proxy.cut(Duration.ofSeconds(2));

        assertThatThrownBy(() -> inFlight.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ConnectionLostException.class);
        proxy.heal();
        assertThat(events.await(ConnectionEvent.Restored.class, WAIT).resumed()).isTrue();
        eventually(
                "the message in flight is delivered after the resumption",
                WAIT,
                () -> messagesSeen.contains("in flight"));
        Ping after = new Ping(peer.getUser());
        assertThat(client.sendIqRequestAndWaitForResponse(after).getType()).isEqualTo(IQ.Type.result);
        // re-sent stanzas precede new ones in the stream: the failed request would have arrived before this one
        assertThat(pingsSeen)
                .as("the request reported failed never reaches the peer")
                .containsExactly(after.getStanzaId());
        client.disconnect();
        peer.disconnect();
    }

    @Test
    void aPasswordChangedByAnotherSessionEndsInGaveUpWhileStanzasAreBeingSent(ProsodyServer server) throws Exception {
        XMPPTCPConnection device = device(server, "pw-device");
        ConnectionEventRecorder events = ConnectionEventRecorder.attach(device);
        AtomicBoolean sending = new AtomicBoolean(true);
        // an application that keeps sending: stanzas sent in the instant of the stream reset used to be written
        // into the next stream before its header (invalid-namespace), so the refusal was never reached
        Thread sender = new Thread(
                () -> {
                    while (sending.get()) {
                        try {
                            device.sendStanza(device.getStanzaFactory()
                                    .buildPresenceStanza()
                                    .setStatus("busy")
                                    .build());
                        } catch (Exception refusedWhileDown) {
                            Thread.onSpinWait();
                        }
                    }
                },
                "pw-device-sender");
        sender.setDaemon(true);
        sender.start();
        try {
            XMPPTCPConnection elsewhere = server.connect("pw-device", "admin");
            AccountManager am = AccountManager.getInstance(elsewhere);
            am.sensitiveOperationOverInsecureConnection(!server.tls());
            am.changePassword("changed-elsewhere"); // Prosody resets the device's stream
            ConnectionEvent.GaveUp gaveUp = events.await(ConnectionEvent.GaveUp.class, WAIT);
            assertThat(gaveUp.reason()).contains("refused the credentials");
            assertThat(ConnectionSupervisor.getInstanceFor(device).state())
                    .isEqualTo(ConnectionSupervisor.State.OFFLINE);
            elsewhere.disconnect();
        } finally {
            sending.set(false);
            sender.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    @Test
    void aSenderOutpacingTheServersAcknowledgementsWaitsInsteadOfDeadlockingTheConnection(ProsodyServer server)
            throws Exception {
        XMPPTCPConnection device = device(server, "flood-device");
        ConnectionEventRecorder events = ConnectionEventRecorder.attach(device);
        int stanzas = 1500;
        // the server's <a/> and <r/> are held back while the device sends three times what Smack's XEP-0198 queues
        // hold: on a plain XMPPTCPConnection the writer then waits for the reader and the reader for the writer, and
        // the connection is dead without reporting it
        proxy.blackHole(Duration.ofSeconds(3), FaultProxy.Direction.TO_CLIENT);
        CompletableFuture<Integer> flood = CompletableFuture.supplyAsync(() -> {
            for (int i = 0; i < stanzas; i++) {
                try {
                    device.sendStanza(device.getStanzaFactory()
                            .buildPresenceStanza()
                            .setStatus("burst " + i)
                            .build());
                } catch (Exception e) {
                    throw new IllegalStateException("send " + i + " failed", e);
                }
            }
            return stanzas;
        });

        assertThat(flood.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(stanzas);
        assertThat(PingManager.getInstanceFor(device).pingMyServer(false))
                .as("the stream still carries stanzas both ways")
                .isTrue();
        assertThat(events.events()).noneMatch(ConnectionEvent.Offline.class::isInstance);
        device.disconnect();
    }

    @Test
    void cleanRestartAndKillStartFreshSessionsWithTheSameJidAndPresence(ProsodyServer server) throws Exception {
        XMPPTCPConnection device = device(server, "restart-device");
        XMPPTCPConnection watcher = server.connect("restart-watcher");
        Friendship.establish(device, watcher, WAIT);
        ConnectionEventRecorder events = ConnectionEventRecorder.attach(device);
        String jid = device.getUser().toString();
        device.sendStanza(device.getStanzaFactory()
                .buildPresenceStanza()
                .setStatus("ready")
                .build());

        for (Fault fault : new Fault[] {Fault.CLEAN_RESTART, Fault.KILL_9}) {
            fault.inject(server, proxy);
            ConnectionEvent.Restored restored = events.await(ConnectionEvent.Restored.class, WAIT);
            assertThat(restored.resumed()).as("the server lost the session").isFalse();
            assertThat(restored.jid()).isEqualTo(jid);
            XMPPTCPConnection w = server.connect("restart-watcher", "w" + System.nanoTime());
            eventually(
                    "after a " + fault + ", the watcher sees the device's status again; events "
                            + events.events().stream()
                                    .map(ConnectionEvent::describe)
                                    .toList(),
                    WAIT,
                    () -> {
                        Presence p = Roster.getInstanceFor(w)
                                .getPresenceResource(device.getUser().asFullJidOrThrow());
                        return p.isAvailable() && "ready".equals(p.getStatus());
                    });
            assertThat(PingManager.getInstanceFor(w).ping(device.getUser())).isTrue();
        }
        device.disconnect();
    }

    @Test
    void authenticationFailureStopsReconnecting(ProsodyServer server) throws Exception {
        XMPPTCPConnection device = device(server, "auth-device");
        ConnectionEventRecorder events = ConnectionEventRecorder.attach(device);
        AccountManager.getInstance(device).sensitiveOperationOverInsecureConnection(!server.tls());
        AccountManager.getInstance(device).changePassword("a-new-password");

        proxy.cutAll();

        ConnectionEvent.GaveUp gaveUp = events.await(ConnectionEvent.GaveUp.class, WAIT);
        assertThat(gaveUp.reason()).contains("refused the credentials").contains("password");
        assertThat(ConnectionSupervisor.getInstanceFor(device).state()).isEqualTo(ConnectionSupervisor.State.OFFLINE);
        assertThat(events.events().stream()
                        .filter(ConnectionEvent.Reconnecting.class::isInstance)
                        .count())
                .as("a refused password is not retried")
                .isEqualTo(1);
    }

    @Test
    void closingStopsTheSupervisorWithoutRetries(ProsodyServer server) throws Exception {
        XMPPTCPConnection device = device(server, "close-device");
        ConnectionEventRecorder events = ConnectionEventRecorder.attach(device);
        ConnectionSupervisor.getInstanceFor(device).close();
        ConnectionEvent.Offline offline = events.await(ConnectionEvent.Offline.class, WAIT);
        assertThat(offline.error()).isEmpty();
        assertThat(device.isConnected()).isFalse();
        assertThat(events.events()).noneMatch(ConnectionEvent.Reconnecting.class::isInstance);
    }
}

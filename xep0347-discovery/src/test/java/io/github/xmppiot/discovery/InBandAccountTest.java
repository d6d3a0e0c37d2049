package io.github.xmppiot.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.DummyConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.iqregister.packet.Registration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/**
 * XEP-0347 §3.4 / XEP-0077: registration is refused without TLS unless the caller opts out, before anything is sent;
 * against a server this test plays, the generated account is created, a new name is drawn on {@code conflict} (three
 * attempts), and other refusals are passed on.
 */
class InBandAccountTest {

    private static final String HEX16 = "[0-9a-f]{16}";

    private PlayedServer server;

    /** What the played server answers to each registration (set), in order; empty means success. */
    private final ConcurrentLinkedQueue<StanzaError.Condition> refusals = new ConcurrentLinkedQueue<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.instantShutdown();
        }
    }

    /** A server that allows in-band registration and answers each registration as {@link #refusals} say. */
    private PlayedServer registrationServer() throws Exception {
        server = PlayedServer.connected();
        server.answer(iq -> {
            if (!(iq instanceof Registration)) {
                return null;
            }
            if (iq.getType() == IQ.Type.get) {
                Registration form = new Registration(Map.of("username", "", "password", ""));
                form.setType(IQ.Type.result);
                return form;
            }
            StanzaError.Condition refusal = refusals.poll();
            return refusal == null ? IQ.createResultIQ(iq) : IQ.createErrorResponse(iq, refusal);
        });
        return server;
    }

    /** The registrations (sets) the server received, as their user name and password. */
    private List<Map<String, String>> registrations() {
        List<Map<String, String>> sets = new ArrayList<>();
        for (IQ iq : server.requests) {
            if (iq instanceof Registration r && r.getType() == IQ.Type.set) {
                sets.add(r.getAttributes());
            }
        }
        return sets;
    }

    private static Throwable failure(java.util.concurrent.CompletableFuture<?> f) {
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
                .isInstanceOf(java.util.concurrent.ExecutionException.class);
        return f.handle((v, e) -> e instanceof CompletionException c ? c.getCause() : e)
                .join();
    }

    @Test
    void aGeneratedAccountIsRegisteredAndItsCredentialsAreWhatWasSent() throws Exception {
        registrationServer();

        InBandAccount.Credentials c =
                InBandAccount.register(server, "thing-", true, Runnable::run).get(10, TimeUnit.SECONDS);

        assertThat(c.jid().getLocalpart().toString()).matches("thing-" + HEX16);
        assertThat((Object) c.jid().asDomainBareJid()).isEqualTo(server.getXMPPServiceDomain());
        assertThat(c.password()).matches("[A-Za-z0-9_-]{43}");
        assertThat(registrations())
                .containsExactly(Map.of("username", c.jid().getLocalpart().toString(), "password", c.password()));
    }

    @Test
    void everyAccountGetsItsOwnRandomNameAndPassword() throws Exception {
        registrationServer();

        InBandAccount.Credentials a =
                InBandAccount.register(server, "", true, Runnable::run).get(10, TimeUnit.SECONDS);
        InBandAccount.Credentials b =
                InBandAccount.register(server, "", true, Runnable::run).get(10, TimeUnit.SECONDS);

        assertThat(a.jid().getLocalpart().toString()).matches(HEX16);
        assertThat((Object) a.jid()).isNotEqualTo(b.jid());
        assertThat(a.password()).isNotEqualTo(b.password());
        assertThat(a.jid().getLocalpart().toString() + b.jid().getLocalpart())
                .as("random, not zeros")
                .doesNotContain("00000000");
    }

    @Test
    void aNameAlreadyTakenIsReplacedByANewOne() throws Exception {
        registrationServer();
        refusals.add(StanzaError.Condition.conflict);
        refusals.add(StanzaError.Condition.conflict);

        InBandAccount.Credentials c =
                InBandAccount.register(server, "thing-", true, Runnable::run).get(10, TimeUnit.SECONDS);

        List<Map<String, String>> sets = registrations();
        assertThat(sets).hasSize(3);
        assertThat(sets.stream().map(m -> m.get("username")).distinct()).hasSize(3);
        assertThat(sets.get(2))
                .isEqualTo(Map.of("username", c.jid().getLocalpart().toString(), "password", c.password()));
    }

    @Test
    void aThirdConflictEndsTheAttempts() throws Exception {
        registrationServer();
        for (int i = 0; i < 4; i++) {
            refusals.add(StanzaError.Condition.conflict);
        }

        Throwable e = failure(InBandAccount.register(server, "thing-", true, Runnable::run));

        assertThat(e).isInstanceOf(XMPPException.XMPPErrorException.class);
        assertThat(((XMPPException.XMPPErrorException) e).getStanzaError().getCondition())
                .isEqualTo(StanzaError.Condition.conflict);
        assertThat(registrations()).hasSize(3);
    }

    @Test
    void anyOtherRefusalIsPassedOnAtOnce() throws Exception {
        registrationServer();
        refusals.add(StanzaError.Condition.not_allowed);

        Throwable e = failure(InBandAccount.register(server, "thing-", true, Runnable::run));

        assertThat(e).isInstanceOf(XMPPException.XMPPErrorException.class);
        assertThat(((XMPPException.XMPPErrorException) e).getStanzaError().getCondition())
                .isEqualTo(StanzaError.Condition.not_allowed);
        assertThat(registrations()).hasSize(1);
    }

    @Test
    void anInterruptedRegistrationFailsAndKeepsTheInterrupt() throws Exception {
        server = PlayedServer.connected(); // never answers

        Thread.currentThread().interrupt();
        java.util.concurrent.CompletableFuture<InBandAccount.Credentials> f =
                InBandAccount.register(server, "thing-", true, Runnable::run);
        boolean stillInterrupted = Thread.interrupted();

        assertThat(stillInterrupted).as("the interrupt is kept for the caller").isTrue();
        assertThat(failure(f)).isInstanceOf(InterruptedException.class);
    }

    @Test
    void noRegistrationOverAnInsecureConnectionByDefault() throws Exception {
        DummyConnection connection = new DummyConnection();
        connection.connect();
        try {
            int before = connection.getNumberOfSentPackets();
            assertThatThrownBy(() -> InBandAccount.register(connection, "thing-", false, Runnable::run)
                            .join())
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("TLS");
            assertThat(connection.getNumberOfSentPackets()).isEqualTo(before);
        } finally {
            connection.disconnect();
        }
    }

    @Test
    void credentialsNeverPrintThePassword() {
        InBandAccount.Credentials c = new InBandAccount.Credentials(
                JidCreate.entityBareFromOrThrowUnchecked("thing-1@example.org"), "s3cr3t-Pa55");
        assertThat(c.toString()).contains("thing-1@example.org").doesNotContain("s3cr3t-Pa55");
    }
}

package io.github.xmppiot.discovery;

import static io.github.xmppiot.core.meta.MetaTag.num;
import static io.github.xmppiot.core.meta.MetaTag.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.discovery.element.Claimed;
import io.github.xmppiot.discovery.element.Register;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.DummyConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.TopLevelStreamElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/** Registering from the Thing model (XEP-0347 §3.6, §3.8, CHECKLIST 347-7), on the wire of a dummy connection. */
class RegisterThingModelTest {

    private static final Jid REGISTRY = JidCreate.domainBareFromOrThrowUnchecked("discovery.example.org");
    private static final Jid OWNER = JidCreate.bareFromOrThrowUnchecked("owner@example.org");

    private final DummyConnection connection = connected();
    private final ThingDiscoveryManager manager = ThingDiscoveryManager.getInstanceFor(connection);

    private static DummyConnection connected() {
        try {
            return DummyConnection.newConnectedDummyConnection();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void close() {
        connection.disconnect();
    }

    /** The next {@code register} sent, skipping what Smack sends on its own (roster, presence). */
    private Register sentRegister() {
        while (true) {
            TopLevelStreamElement sent = connection.getSentPacket();
            assertThat(sent).as("a register request was sent").isNotNull();
            if (sent instanceof Register r) {
                assertThat(r.getTo().toString()).isEqualTo(REGISTRY.toString());
                return r;
            }
        }
    }

    /** How many {@code register} requests are queued, without waiting. */
    private long queuedRegisters() {
        long n = 0;
        while (connection.getNumberOfSentPackets() > 0) {
            if (connection.getSentPacket() instanceof Register) {
                n++;
            }
        }
        return n;
    }

    private void answer(IQ request, IQ answer) {
        answer.setType(IQ.Type.result);
        answer.setStanzaId(request.getStanzaId());
        answer.setFrom(REGISTRY);
        answer.setTo(connection.getUser());
        connection.processStanza(answer);
    }

    @Test
    void aConcentratorRegistersEachNodeWithItsTripleAndSkipsThingsWithoutTags() throws Exception {
        manager.update(b -> b.registry(REGISTRY));
        NodeRef n1 = NodeRef.of("imc1", "MeteringTopology");
        NodeRef n2 = NodeRef.of("imc2", "MeteringTopology", "PLC");
        ThingDirectory rack = ThingDirectory.of(
                Thing.builder(n1).meta(str("SN", "1")).meta(num("V", "1.2")).build(),
                Thing.builder("bare").build(),
                Thing.builder(n2).meta("SN", "2").build());

        CompletableFuture<Map<NodeRef, RegistrationResult>> done = manager.register(rack);
        Register first = sentRegister();
        Register second = sentRegister();
        assertThat(queuedRegisters())
                .as("the Thing without meta tags is not registered")
                .isZero();
        assertThat(first.node()).contains(n1);
        assertThat(first.tags()).containsExactly(str("SN", "1"), num("V", "1.2"));
        assertThat(second.node()).contains(n2);
        assertThat(second.selfOwned()).isFalse();

        answer(second, new Claimed(OWNER, n2, true));
        answer(first, IQ.createResultIQ(first));
        assertThat(done.get(10, TimeUnit.SECONDS))
                .containsExactly(
                        Map.entry(n1, new RegistrationResult.Registered()),
                        Map.entry(n2, new RegistrationResult.AlreadyClaimed(OWNER)));
    }

    @Test
    void aStandAloneThingIsRegisteredWithoutNodeAttributes() throws Exception {
        manager.update(b -> b.registry(REGISTRY));
        CompletableFuture<RegistrationResult> done = manager.register(Thing.builder("Device01")
                .meta("SN", "3948")
                .meta("KEY", "k-3948-8d7f6e5a4b3c")
                .build());
        Register sent = sentRegister();
        assertThat(sent.node()).isEmpty();
        assertThat(sent.tags()).containsExactly(str("SN", "3948"), str("KEY", "k-3948-8d7f6e5a4b3c"));
        answer(sent, IQ.createResultIQ(sent));
        assertThat(done.get(10, TimeUnit.SECONDS)).isEqualTo(new RegistrationResult.Registered());
    }

    @Test
    void aThingWithoutMetaTagsOrWithDuplicatesIsRefusedBeforeAnythingIsSent() {
        manager.update(b -> b.registry(REGISTRY));
        assertThatThrownBy(() -> manager.register(Thing.builder("Device01").build()))
                .isInstanceOf(IllegalArgumentException.class);
        ThingDirectory dup = ThingDirectory.of(
                Thing.builder("a").meta("SN", "1").build(),
                Thing.builder("b").meta("SN", "1").meta("sn", "2").build());
        assertThatThrownBy(() -> manager.register(dup)).isInstanceOf(IllegalArgumentException.class);
        assertThat(queuedRegisters()).isZero();
    }
}

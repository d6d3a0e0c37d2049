package io.github.xmppiot.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.IntValue;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.DummyConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;

/**
 * {@link ControlClient} against {@link ControlServer} without a network: two in-memory connections, every stanza
 * relayed through its XML form with the sender's address, as a server would (XEP-0325 §3.1-§3.3).
 */
class ControlRoundTripTest {

    private final Devices devices = new Devices();
    private final LinkedBlockingQueue<ControlOutcome> outcomes = new LinkedBlockingQueue<>();
    private DummyConnection thingConnection;
    private DummyConnection clientConnection;
    private ControlServer server;
    private ControlClient client;
    private Jid thing;

    @BeforeEach
    void setUp() throws Exception {
        thingConnection = connected("thing");
        clientConnection = connected("operator");
        thing = thingConnection.getUser();
        server = ControlServer.getInstanceFor(thingConnection)
                .update(s -> s.things(ThingDirectory.of(devices.dimmer("Dimmer")))
                        .accessPolicy(AccessPolicy.allowEveryone()));
        server.addOutcomeListener(outcomes::add);
        client = ControlClient.getInstanceFor(clientConnection);
    }

    private static DummyConnection connected(String user) throws Exception {
        DummyConnection c = new DummyConnection(user, "example.org", "res");
        c.connect();
        c.login();
        return c;
    }

    @AfterEach
    void tearDown() {
        server.close();
        client.close();
        thingConnection.instantShutdown();
        clientConnection.instantShutdown();
    }

    /** Hands the next stanza {@code from} sent to {@code to}, stamped with the sender's full JID. */
    private static Stanza relay(DummyConnection from, DummyConnection to) throws Exception {
        Stanza sent = from.getSentPacket();
        assertThat(sent).as("a stanza sent by " + from.getUser()).isNotNull();
        sent.setFrom(from.getUser());
        Stanza parsed = PacketParserUtils.parseStanza(sent.toXML().toString());
        to.processStanza(parsed);
        return parsed;
    }

    private <T> T roundTrip(CompletableFuture<T> answer) throws Exception {
        relay(clientConnection, thingConnection);
        relay(thingConnection, clientConnection);
        return answer.get(10, TimeUnit.SECONDS);
    }

    private ControlOutcome nextOutcome() throws InterruptedException {
        ControlOutcome outcome = outcomes.poll(10, TimeUnit.SECONDS);
        assertThat(outcome).as("an outcome").isNotNull();
        return outcome;
    }

    @Test
    void oneServerPerConnectionKeepsWhatItWasGiven() {
        ThingDirectory directory = ThingDirectory.of(devices.digitalOutput("Out"));
        AccessPolicy policy = AccessPolicy.allowEveryone();
        assertThat(ControlServer.getInstanceFor(thingConnection)).isSameAs(server);
        assertThat(server.update(s -> s.things(directory)).settings().things()).isSameAs(directory);
        assertThat(server.update(s -> s.accessPolicy(policy)).accessPolicy()).isSameAs(policy);
        assertThat(server.settings().things()).as("kept by the second update").isSameAs(directory);
        assertThatThrownBy(() -> server.configure(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> server.update(null)).isInstanceOf(NullPointerException.class);
        assertThat(ControlClient.getInstanceFor(clientConnection)).isSameAs(client);
        assertThatThrownBy(() -> client.configure(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> client.update(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theThingAnnouncesTheControlFeature() {
        assertThat(ServiceDiscoveryManager.getInstanceFor(thingConnection).includesFeature(ControlServer.NAMESPACE))
                .isTrue();
    }

    @Test
    void anIqSetIsAppliedAnsweredAndReportedWithItsRequester() throws Exception {
        SetResult result = roundTrip(client.set(thing, "OutputPercent", 42));
        assertThat(result).isEqualTo(SetResult.asRequested());
        assertThat(devices.writes).containsExactly("Dimmer/OutputPercent=42");
        ControlOutcome outcome = nextOutcome();
        assertThat((Object) outcome.requester()).isEqualTo(clientConnection.getUser());
        assertThat(outcome.byMessage()).isFalse();
        assertThat(outcome.succeeded()).isTrue();
    }

    @Test
    void everyTypedOverloadSendsItsType() throws Exception {
        roundTrip(client.set(thing, "MainSwitch", false));
        roundTrip(client.set(thing, "FadeTimeMilliseconds", new IntValue(250)));
        roundTrip(client.set(thing, "FadeTimeMilliseconds", 260));
        assertThat(devices.writes)
                .containsExactly(
                        "Dimmer/MainSwitch=false",
                        "Dimmer/FadeTimeMilliseconds=250",
                        "Dimmer/FadeTimeMilliseconds=260");
    }

    @Test
    void aWrongTypeIsRefusedAndTheRefusalReported() throws Exception {
        // a long, a double and a string for int parameters: the Thing refuses each, naming the parameter
        for (CompletableFuture<SetResult> answer : List.of(
                client.set(thing, "OutputPercent", 5L),
                client.set(thing, "OutputPercent", 5.5),
                client.set(thing, "OutputPercent", "five"))) {
            relay(clientConnection, thingConnection);
            relay(thingConnection, clientConnection);
            assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(ControlException.class)
                    .satisfies(e ->
                            assertThat(((ControlException) e).parameterErrors()).containsKey("OutputPercent"));
            ControlOutcome outcome = nextOutcome();
            assertThat(outcome.succeeded()).isFalse();
            assertThat(outcome.failure()).isPresent();
        }
        assertThat(devices.writes).isEmpty();
    }

    @Test
    void anUnknownParameterIsNotFoundAtTheClient() throws Exception {
        CompletableFuture<SetResult> answer = client.set(thing, "Nope", true);
        relay(clientConnection, thingConnection);
        IQ error = (IQ) relay(thingConnection, clientConnection);
        assertThat(error.getType()).isEqualTo(IQ.Type.error);
        assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(ControlException.class)
                .extracting(e -> ((ControlException) e).condition())
                .isNotEqualTo(StanzaError.Condition.internal_server_error);
    }

    @Test
    void aSetByMessageIsAppliedWithoutAnswerAndReportedAsAMessage() throws Exception {
        client.setByMessage(
                        thing, ControlRequest.builder().set("OutputPercent", 7).build())
                .get(10, TimeUnit.SECONDS);
        Stanza sent = relay(clientConnection, thingConnection);
        assertThat(sent).isInstanceOf(Message.class);
        ControlOutcome outcome = nextOutcome();
        assertThat(outcome.byMessage()).isTrue();
        assertThat((Object) outcome.requester()).isEqualTo(clientConnection.getUser());
        assertThat(devices.writes).containsExactly("Dimmer/OutputPercent=7");
        assertThat(thingConnection.getNumberOfSentPackets())
                .as("no answer to a message")
                .isZero();
    }

    @Test
    void aFailingListenerDoesNotStopTheOthersAndARemovedOneHearsNothing() throws Exception {
        LinkedBlockingQueue<ControlOutcome> removed = new LinkedBlockingQueue<>();
        server.addOutcomeListener(o -> {
            throw new IllegalStateException("listener bug");
        });
        java.util.function.Consumer<ControlOutcome> gone = removed::add;
        server.addOutcomeListener(gone);
        server.removeOutcomeListener(gone);
        roundTrip(client.set(thing, "OutputPercent", 1));
        assertThat(nextOutcome().succeeded()).isTrue();
        assertThat(removed).isEmpty();
    }

    @Test
    void theFormListsTheParametersAndASubmissionSetsThem() throws Exception {
        ControlForm form = roundTrip(client.getForm(thing));
        assertThat((Object) form.thing()).isEqualTo(thing);
        assertThat(form.nodes()).isEmpty();
        assertThat(form.dataForm().getFields()).isNotEmpty();
        assertThat(form.edit().form()).isSameAs(form);
        assertThat(form.parameters())
                .extracting(ParameterDescription::name)
                .contains("FadeTimeMilliseconds", "OutputPercent", "MainSwitch");
        roundTrip(client.submit(form.edit().set("OutputPercent", 55)));
        assertThat(devices.writes).containsExactly("Dimmer/OutputPercent=55");
    }

    @Test
    void aRequestForSeveralNodesReachesEachOfThem() throws Exception {
        server.update(s -> s.things(ThingDirectory.of(
                devices.digitalOutput("DO1"), devices.digitalOutput("DO2"), devices.digitalOutput("DO3"))));
        SetResult result = roundTrip(client.set(
                thing,
                ControlRequest.builder()
                        .node("DO1")
                        .node(NodeRef.of("DO3"))
                        .set("Output", true)
                        .build()));
        assertThat(result.isNarrowed()).isFalse();
        assertThat(devices.writes).containsExactlyInAnyOrder("DO1/Output=true", "DO3/Output=true");
    }

    @Test
    void aNarrowedAnswerNamesTheNodesAndParametersActuallySet() throws Exception {
        server.update(s -> s.things(ThingDirectory.of(devices.digitalOutput("DO1"), devices.digitalOutput("DO2")))
                .accessPolicy(r -> CompletableFuture.completedFuture(
                        AccessDecision.allowOnly(List.of(NodeRef.of("DO2")), Set.of("Output")))));
        SetResult result = roundTrip(client.set(
                thing,
                ControlRequest.builder()
                        .node("DO1")
                        .node("DO2")
                        .set("Output", true)
                        .build()));
        assertThat(result.isNarrowed()).isTrue();
        assertThat(result.nodes()).containsExactly(NodeRef.of("DO2"));
        assertThat(result.parameters()).containsExactly("Output");
        assertThat(devices.writes).containsExactly("DO2/Output=true");
    }

    @Test
    void theFormOfSeveralNodesIsAskedForThoseNodes() throws Exception {
        server.update(s -> s.things(ThingDirectory.of(devices.digitalOutput("DO1"), devices.digitalOutput("DO2"))));
        List<NodeRef> nodes = List.of(NodeRef.of("DO1"), NodeRef.of("DO2"));
        CompletableFuture<ControlForm> answer = client.getForm(thing, io.github.xmppiot.core.Tokens.NONE, nodes);
        Stanza request = relay(clientConnection, thingConnection);
        assertThat(request.toXML().toString()).contains("nodeId='DO1'").contains("nodeId='DO2'");
        relay(thingConnection, clientConnection);
        ControlForm form = answer.get(10, TimeUnit.SECONDS);
        assertThat(form.nodes()).isEqualTo(nodes);
        assertThat(form.parameters()).extracting(ParameterDescription::name).containsExactly("Output");
        roundTrip(client.submit(form.edit().set("Output", true)));
        assertThat(devices.writes).containsExactlyInAnyOrder("DO1/Output=true", "DO2/Output=true");
    }
}

package io.github.xmppiot.concentrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.xmppiot.control.ControlServer;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.connection.IotTcpConnection;
import io.github.xmppiot.core.thing.ControlParameter;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import io.github.xmppiot.testkit.RawStanzas;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;

/**
 * A request whose data form has a {@code jid-single} field with a value that is not a JID (XEP-0004 §3.3) is answered
 * {@code modify/bad-request} at once (RFC 6120 §8.3.3.1), by a hub on the SDK's connection and by one on a plain Smack
 * {@link XMPPTCPConnection} alike: the XEP-0326 request forms (§3.9 node parameters, §3.10 node commands) and the
 * XEP-0325 control form submitted in {@code set} (§3.3). One Prosody for the class.
 */
@ProsodyTest
class InvalidJidIT {

    /** Not a JID: a space is forbidden in a localpart (RFC 7622 §3.3). */
    static final String NOT_A_JID = "a b@c";
    /** How long a sender waits at most; an answer comes in milliseconds. */
    static final int ANSWER_SECONDS = 10;

    static XMPPTCPConnection sender;
    static XMPPTCPConnection sdkHub;
    static XMPPTCPConnection plainHub;

    @BeforeAll
    static void start(ProsodyServer server) throws Exception {
        sender = server.connect("jidsender");
        sdkHub = server.connect("jidhub");
        plainHub = new XMPPTCPConnection(server.configBuilder("plainhub").build());
        plainHub.connect().login();
        for (XMPPTCPConnection hub : List.of(sdkHub, plainHub)) {
            NodeTree tree = new NodeTree("Hub", new ThingDirectory(), Clock.systemUTC()).register(new TestLampType());
            ConcentratorServer.getInstanceFor(hub).update(s -> s.tree(tree).accessPolicy(AccessPolicy.allowEveryone()));
            AtomicReference<BooleanValue> output = new AtomicReference<>(BooleanValue.FALSE);
            Thing thing = Thing.builder("Device01")
                    .parameter(ControlParameter.builder("Output", ValueType.BOOLEAN)
                            .current(output::get)
                            .onSet(v -> output.set((BooleanValue) v))
                            .build())
                    .build();
            ControlServer.getInstanceFor(hub)
                    .update(s -> s.things(ThingDirectory.of(thing)).accessPolicy(AccessPolicy.allowEveryone()));
        }
    }

    @AfterAll
    static void stop() {
        plainHub.disconnect();
    }

    static String form(String var, String value) {
        return "<x xmlns='jabber:x:data' type='submit'><field var='" + var + "' type='jid-single'><value>" + value
                + "</value></field></x>";
    }

    /** The XEP-0326 requests that carry a form, each with a jid-single field holding {@code value}. */
    static List<String> concentratorRequests(String value) {
        String ns = " xmlns='urn:xmpp:iot:concentrators'";
        return List.of(
                "<createNewNode" + ns + " nodeId='Hub' sourceId='MeteringTopology' type='" + TestLampType.TYPE + "'>"
                        + form("id", value) + "</createNewNode>",
                "<executeNodeCommand" + ns + " nodeId='Hub' sourceId='MeteringTopology' command='x'>"
                        + form("target", value) + "</executeNodeCommand>",
                "<setNodeParametersAfterEdit" + ns + " nodeId='Hub' sourceId='MeteringTopology'>" + form("owner", value)
                        + "</setNodeParametersAfterEdit>");
    }

    /** Sends a raw IQ set and waits for its answer: the answer, or the error the sender got. */
    static Throwable answer(XMPPConnection hub, String payload) throws Exception {
        Jid to = hub.getUser();
        CompletableFuture<IQ> answer = new CompletableFuture<>();
        sender.sendIqRequestAsync(RawStanzas.iq(payload, IQ.Type.set, to), TimeUnit.SECONDS.toMillis(ANSWER_SECONDS))
                .onSuccess(answer::complete)
                .onError(answer::completeExceptionally);
        Throwable t = catchThrowable(() -> answer.get(ANSWER_SECONDS + 1, TimeUnit.SECONDS));
        return t instanceof ExecutionException e ? e.getCause() : t;
    }

    static void assertBadRequest(Throwable t, String payload) {
        assertThat(t).as("answer to " + payload).isInstanceOf(XMPPErrorException.class);
        StanzaError error = ((XMPPErrorException) t).getStanzaError();
        assertThat(error.getCondition()).as(payload).isEqualTo(StanzaError.Condition.bad_request);
        assertThat(error.getType()).as(payload).isEqualTo(StanzaError.Type.MODIFY);
    }

    @Test
    void aHubOnTheSdkConnectionAnswersBadRequest() throws Exception {
        assertThat(sdkHub).isInstanceOf(IotTcpConnection.class);
        for (String payload : concentratorRequests(NOT_A_JID)) {
            assertBadRequest(answer(sdkHub, payload), payload);
        }
        assertThat(sdkHub.isConnected()).isTrue();
    }

    @Test
    void aHubOnAPlainSmackConnectionAnswersBadRequest() throws Exception {
        assertThat(plainHub).isNotInstanceOf(IotTcpConnection.class);
        assertThat(((AbstractXMPPConnection) plainHub).getParsingExceptionCallback())
                .as("installed by the managers")
                .isInstanceOf(io.github.xmppiot.core.connection.UnparsableStanzas.class);
        for (String payload : concentratorRequests(NOT_A_JID)) {
            assertBadRequest(answer(plainHub, payload), payload);
        }
        assertThat(plainHub.isConnected()).isTrue();
    }

    @Test
    void aControlFormWithAJidSingleFieldIsAnsweredOnBothConnections() throws Exception {
        String set = "<set xmlns='urn:xmpp:iot:control'>" + form("Output", NOT_A_JID) + "</set>";
        for (XMPPTCPConnection hub : List.of(sdkHub, plainHub)) {
            assertBadRequest(answer(hub, set), set);
        }
    }

    @Test
    void aJidThatSmackAcceptsIsServedAsAValue() throws Exception {
        // jxmpp 1.0.3 reads "a@b@c" as localpart "a" and domainpart "b@c": the form parses, the request is served
        for (XMPPTCPConnection hub : List.of(sdkHub, plainHub)) {
            for (String payload : concentratorRequests("a@b@c")) {
                Throwable t = answer(hub, payload);
                assertThat(t == null || t instanceof XMPPErrorException)
                        .as("an answer to " + payload + ", got " + t)
                        .isTrue();
            }
        }
    }
}

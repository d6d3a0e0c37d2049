package io.github.xmppiot.core.iq;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.xml.MalformedRequest;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Every request gets one answer from {@link IotIqRequestHandler}: malformed and unexpected payloads, failures thrown at
 * once or later, answers that come late or never, and a connection that is gone when the answer is ready.
 */
class IotIqRequestHandlerAnswersTest {

    private static final Jid CLIENT = JidCreate.fromOrThrowUnchecked("client@example.org/a");

    /** What the connection sent. */
    private final LinkedBlockingQueue<Stanza> sent = new LinkedBlockingQueue<>();

    /** Thrown by the connection's sendStanza instead of sending, if set. */
    private volatile Exception sendFailure;

    private final XMPPConnection connection = (XMPPConnection) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {XMPPConnection.class}, (proxy, method, args) -> {
                if (method.getName().equals("sendStanza")) {
                    if (sendFailure != null) {
                        throw sendFailure;
                    }
                    sent.add((Stanza) args[0]);
                    return null;
                }
                throw new UnsupportedOperationException(method.getName());
            });

    /** An empty {@code <q xmlns='urn:test'/>}. */
    static final class Q extends IQ {
        Q() {
            super("q", "urn:test");
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            xml.setEmptyElement();
            return xml;
        }
    }

    /** A handler without hooks: the base class decides everything. */
    private final class Handler extends IotIqRequestHandler<Q> {
        private final Function<Q, CompletionStage<? extends IQ>> answer;

        Handler(Function<Q, CompletionStage<? extends IQ>> answer, Duration timeout) {
            super(connection, "q", "urn:test", IQ.Type.get, Q.class, timeout);
            this.answer = answer;
        }

        @Override
        protected CompletionStage<? extends IQ> handle(Q request) {
            return answer.apply(request);
        }
    }

    private Handler handler(Function<Q, CompletionStage<? extends IQ>> answer) {
        return new Handler(answer, Duration.ofSeconds(30));
    }

    private static <T extends IQ> T from(T iq, String id) {
        iq.setType(IQ.Type.get);
        iq.setStanzaId(id);
        iq.setFrom(CLIENT);
        iq.setTo(JidCreate.fromOrThrowUnchecked("thing@example.org/b"));
        return iq;
    }

    private static Q request(String id) {
        return from(new Q(), id);
    }

    private Stanza nextSent() throws InterruptedException {
        Stanza s = sent.poll(10, TimeUnit.SECONDS);
        assertThat(s).as("an answer was sent").isNotNull();
        return s;
    }

    private static void assertError(Stanza answer, String id, StanzaError.Condition condition) {
        assertThat(answer).isInstanceOf(IQ.class);
        assertThat(((IQ) answer).getType()).isEqualTo(IQ.Type.error);
        assertThat(answer.getStanzaId()).isEqualTo(id);
        assertThat((Object) answer.getTo()).isEqualTo(CLIENT);
        assertThat(answer.getError().getCondition()).isEqualTo(condition);
    }

    @Test
    void aMalformedRequestIsAnsweredBadRequestWithoutReachingTheHandler() {
        Handler h = handler(r -> {
            throw new AssertionError("handle must not run");
        });
        IQ answer = h.handleIQRequest(from(new MalformedRequest("q", "urn:test", "missing attribute 'seqnr'"), "m1"));
        assertError(answer, "m1", StanzaError.Condition.bad_request);
        assertThat(answer.getError().getDescriptiveText()).isEqualTo("missing attribute 'seqnr'");
    }

    @Test
    void aPayloadOfAnotherClassIsABadRequest() {
        Handler h = handler(r -> {
            throw new AssertionError("handle must not run");
        });
        IQ other = from(new IotIqRequestHandlerTest.Q(), "o1");
        IQ answer = h.handleIQRequest(other);
        assertError(answer, "o1", StanzaError.Condition.bad_request);
        assertThat(answer.getError().getDescriptiveText()).isEqualTo("unexpected payload");
    }

    @Test
    void aReadyAnswerIsReturnedAddressedToTheRequester() {
        Handler h = handler(r -> CompletableFuture.completedFuture(new Q()));
        IQ answer = h.handleIQRequest(request("r1"));
        assertThat(answer.getStanzaId()).isEqualTo("r1");
        assertThat((Object) answer.getTo()).isEqualTo(CLIENT);
        assertThat(sent).isEmpty();
    }

    @Test
    void resultForTypesAndAddressesTheAnswer() {
        Q answer = IotIqRequestHandler.resultFor(request("r2"), new Q());
        assertThat(answer.getType()).isEqualTo(IQ.Type.result);
        assertThat(answer.getStanzaId()).isEqualTo("r2");
        assertThat((Object) answer.getTo()).isEqualTo(CLIENT);
    }

    @Test
    void failuresThrownByTheHandlerBecomeErrors() {
        Handler forbidden = handler(r -> {
            throw new java.util.concurrent.CompletionException(IotErrors.forbidden("not a friend"));
        });
        IQ a = forbidden.handleIQRequest(request("f1"));
        assertError(a, "f1", StanzaError.Condition.forbidden);
        assertThat(a.getError().getDescriptiveText()).isEqualTo("not a friend");

        Handler bug = handler(r -> {
            throw new IllegalStateException("bug in the device code");
        });
        IQ b = bug.handleIQRequest(request("f2"));
        assertError(b, "f2", StanzaError.Condition.internal_server_error);
        assertThat(b.getError().getDescriptiveText()).isEqualTo("bug in the device code");

        Handler failedAtOnce = handler(r -> CompletableFuture.failedFuture(new IllegalArgumentException()));
        IQ c = failedAtOnce.handleIQRequest(request("f3"));
        assertError(c, "f3", StanzaError.Condition.internal_server_error);
        assertThat(c.getError().getDescriptiveText()).isEqualTo("null");
    }

    @Test
    void aLaterAnswerIsSentWhenReadyAddressedToTheRequester() throws Exception {
        CompletableFuture<IQ> later = new CompletableFuture<>();
        Handler h = handler(r -> later);
        assertThat(h.handleIQRequest(request("l1"))).isNull();
        assertThat(sent).isEmpty();
        later.complete(new Q());
        Stanza answer = nextSent();
        assertThat(answer.getStanzaId()).isEqualTo("l1");
        assertThat((Object) answer.getTo()).isEqualTo(CLIENT);
        assertThat(answer.getError()).isNull();
    }

    @Test
    void aLaterFailureIsSentAsItsError() throws Exception {
        CompletableFuture<IQ> later = new CompletableFuture<>();
        Handler h = handler(r -> later);
        assertThat(h.handleIQRequest(request("l2"))).isNull();
        later.completeExceptionally(IotErrors.itemNotFound("no such node"));
        Stanza answer = nextSent();
        assertError(answer, "l2", StanzaError.Condition.item_not_found);
    }

    @Test
    void anAnswerThatNeverComesIsAnInternalErrorAfterTheTimeout() throws Exception {
        Handler h = new Handler(r -> new CompletableFuture<IQ>(), Duration.ofMillis(50));
        assertThat(h.handleIQRequest(request("t1"))).isNull();
        Stanza answer = nextSent();
        assertError(answer, "t1", StanzaError.Condition.internal_server_error);
        assertThat(answer.getError().getDescriptiveText()).isEqualTo("the device did not answer in time");
    }

    @Test
    void aConnectionGoneWhenTheAnswerIsReadyLosesOnlyThatAnswer() throws Exception {
        CompletableFuture<IQ> later = new CompletableFuture<>();
        Handler h = handler(r -> later);
        assertThat(h.handleIQRequest(request("g1"))).isNull();
        sendFailure = new SmackException.NotConnectedException("gone");
        later.complete(new Q());
        assertThat(sent).isEmpty();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();

        CompletableFuture<IQ> interrupted = new CompletableFuture<>();
        Handler i = handler(r -> interrupted);
        assertThat(i.handleIQRequest(request("g2"))).isNull();
        sendFailure = new InterruptedException("stopping");
        // completing on this thread sends on this thread: the interrupt must be kept for the caller to see
        interrupted.complete(new Q());
        assertThat(Thread.interrupted()).as("interrupt status restored").isTrue();
        assertThat(sent).isEmpty();
    }
}

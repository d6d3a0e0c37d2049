package io.github.xmppiot.core.iq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.xmppiot.core.concurrent.Work;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** The answer paths of {@link IotIqRequestHandler} for answers ready at once: returned or taken over. */
class IotIqRequestHandlerTest {

    /** What the connection sent and what else happened, in order. */
    private final List<Object> events = new CopyOnWriteArrayList<>();

    private final XMPPConnection connection = (XMPPConnection) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {XMPPConnection.class}, (proxy, method, args) -> {
                if (method.getName().equals("sendStanza")) {
                    events.add(args[0]);
                    return null;
                }
                throw new UnsupportedOperationException(method.getName());
            });

    /** A request or an answer: an empty {@code <q xmlns='urn:test'/>}. */
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

    /** A handler answering with {@code answer} and delegating its hook to the given function. */
    private class Handler extends IotIqRequestHandler<Q> {
        private final Function<Q, CompletionStage<? extends IQ>> answer;
        private final TakeOver takeOver;
        private final TakeOver takeOverLater;

        Handler(Function<Q, CompletionStage<? extends IQ>> answer, TakeOver takeOver) {
            this(answer, takeOver, (a, s) -> false);
        }

        Handler(Function<Q, CompletionStage<? extends IQ>> answer, TakeOver takeOver, TakeOver takeOverLater) {
            super(connection, "q", "urn:test", IQ.Type.get, Q.class, Duration.ofSeconds(5));
            this.answer = answer;
            this.takeOver = takeOver;
            this.takeOverLater = takeOverLater;
        }

        @Override
        protected CompletionStage<? extends IQ> handle(Q request) {
            return answer.apply(request);
        }

        @Override
        protected boolean answerLater(Q request, IQ response, Runnable sendAnswer) {
            return takeOver.answerLater(response, sendAnswer);
        }

        @Override
        protected boolean answerCompletedLater(Q request, IQ response, Runnable sendAnswer) {
            return takeOverLater.answerLater(response, sendAnswer);
        }
    }

    @FunctionalInterface
    private interface TakeOver {
        boolean answerLater(IQ answer, Runnable sendAnswer);
    }

    private static Q request() throws Exception {
        Q q = new Q();
        q.setType(IQ.Type.get);
        q.setStanzaId("r1");
        q.setFrom(JidCreate.from("client@example.org/a"));
        q.setTo(JidCreate.from("thing@example.org/b"));
        return q;
    }

    private static CompletionStage<? extends IQ> result(Q request) {
        return CompletableFuture.completedFuture(IotIqRequestHandler.resultFor(request, new Q()));
    }

    private List<Stanza> sent() {
        return events.stream()
                .filter(Stanza.class::isInstance)
                .map(Stanza.class::cast)
                .toList();
    }

    @Test
    void withoutHooksTheReadyAnswerIsReturnedToSmack() throws Exception {
        IQ answer = new Handler(IotIqRequestHandlerTest::result, (a, s) -> false).handleIQRequest(request());
        assertThat(answer).isNotNull();
        assertThat(answer.getType()).isEqualTo(IQ.Type.result);
        assertThat(answer.getStanzaId()).isEqualTo("r1");
        assertThat(events).isEmpty();
    }

    @Test
    void takenOverAnswerIsSentOnlyWhenTheSubclassSaysSoAndOnlyOnce() throws Exception {
        AtomicReference<Runnable> kept = new AtomicReference<>();
        Handler h = new Handler(IotIqRequestHandlerTest::result, (a, s) -> {
            kept.set(s);
            return true;
        });

        assertThat(h.handleIQRequest(request())).isNull();
        assertThat(events).isEmpty();

        events.add("data");
        kept.get().run();
        kept.get().run();
        assertThat(events).hasSize(2).startsWith("data");
        IQ sent = (IQ) sent().get(0);
        assertThat(sent.getType()).isEqualTo(IQ.Type.result);
        assertThat(sent.getStanzaId()).isEqualTo("r1");
        assertThat(sent.getTo().toString()).isEqualTo("client@example.org/a");
    }

    @Test
    void takenOverAnswerMayBeSentFromAnotherThread() throws Exception {
        AtomicReference<Runnable> kept = new AtomicReference<>();
        Handler h = new Handler(IotIqRequestHandlerTest::result, (a, s) -> {
            kept.set(s);
            return true;
        });
        assertThat(h.handleIQRequest(request())).isNull();
        Thread[] racers = new Thread[4];
        for (int i = 0; i < racers.length; i++) {
            racers[i] = new Thread(kept.get());
            racers[i].start();
        }
        for (Thread t : racers) {
            t.join();
        }
        assertThat(sent()).hasSize(1);
    }

    @Test
    void errorsReadyAtOnceAlsoReachTheHook() throws Exception {
        AtomicReference<IQ> seen = new AtomicReference<>();
        Handler h = new Handler(r -> CompletableFuture.failedFuture(IotErrors.forbidden("no")), (a, s) -> {
            seen.set(a);
            return false;
        });
        IQ answer = h.handleIQRequest(request());
        assertThat(answer).isSameAs(seen.get());
        assertThat(answer.getType()).isEqualTo(IQ.Type.error);
        assertThat(answer.getError().getCondition()).isEqualTo(StanzaError.Condition.forbidden);
        assertThat(events).isEmpty();
    }

    @Test
    void aFailingHookStillAnswersExactlyOnce() throws Exception {
        Handler h = new Handler(IotIqRequestHandlerTest::result, (a, s) -> {
            s.run();
            throw new IllegalStateException("bug after sending");
        });
        assertThat(h.handleIQRequest(request())).isNull();
        assertThat(sent()).hasSize(1);

        events.clear();
        Handler before = new Handler(IotIqRequestHandlerTest::result, (a, s) -> {
            throw new IllegalStateException("bug before sending");
        });
        assertThat(before.handleIQRequest(request())).isNull();
        assertThat(sent()).hasSize(1);
    }

    @Test
    void anAnswerCompletedLaterGoesToItsOwnHookAndATakenOverOneIsSentOnlyByTheSubclassOnce() throws Exception {
        CompletableFuture<IQ> later = new CompletableFuture<>();
        AtomicReference<IQ> seen = new AtomicReference<>();
        AtomicReference<Runnable> kept = new AtomicReference<>();
        Handler h = new Handler(r -> later, (a, s) -> fail("not ready at once"), (a, s) -> {
            seen.set(a);
            kept.set(s);
            return true;
        });
        Q request = request();
        assertThat(h.handleIQRequest(request)).isNull();

        later.complete(new Q());

        assertThat(seen.get().getStanzaId())
                .as("addressed before the hook sees it")
                .isEqualTo("r1");
        assertThat(seen.get().getTo().toString()).isEqualTo("client@example.org/a");
        assertThat(events).isEmpty();
        kept.get().run();
        kept.get().run();
        assertThat(sent()).singleElement().isSameAs(seen.get());
    }

    @Test
    void aLaterErrorReachesTheLaterHookAndIsSentWhenNotTakenOver() throws Exception {
        CompletableFuture<IQ> later = new CompletableFuture<>();
        AtomicReference<IQ> seen = new AtomicReference<>();
        Handler h = new Handler(r -> later, (a, s) -> false, (a, s) -> {
            seen.set(a);
            return false;
        });
        assertThat(h.handleIQRequest(request())).isNull();

        later.completeExceptionally(IotErrors.forbidden("no"));

        assertThat(sent()).singleElement().isSameAs(seen.get());
        assertThat(seen.get().getError().getCondition()).isEqualTo(StanzaError.Condition.forbidden);
    }

    @Test
    void aFailingLaterHookStillAnswersExactlyOnce() throws Exception {
        CompletableFuture<IQ> after = new CompletableFuture<>();
        Handler h = new Handler(r -> after, (a, s) -> false, (a, s) -> {
            s.run();
            throw new IllegalStateException("bug after sending");
        });
        h.handleIQRequest(request());
        after.complete(new Q());
        assertThat(sent()).hasSize(1);

        events.clear();
        CompletableFuture<IQ> before = new CompletableFuture<>();
        Handler h2 = new Handler(r -> before, (a, s) -> false, (a, s) -> {
            throw new IllegalStateException("bug before sending");
        });
        h2.handleIQRequest(request());
        before.complete(new Q());
        assertThat(sent()).hasSize(1);
    }

    @Test
    void aFailureInsideNestedWrappersBecomesItsXmppError() throws Exception {
        Handler h = new Handler(
                r -> CompletableFuture.failedFuture(
                        new CompletionException(new ExecutionException(IotErrors.forbidden("no")))),
                (a, s) -> false);
        IQ answer = h.handleIQRequest(request());
        assertThat(answer.getType()).isEqualTo(IQ.Type.error);
        assertThat(answer.getError().getCondition()).isEqualTo(StanzaError.Condition.forbidden);
        assertThat(answer.getStanzaId()).isEqualTo("r1");
    }

    @Test
    void aRequestWhoseHandlingIsRefusedAtOnceIsAnsweredWithResourceConstraint() throws Exception {
        Handler thrown = new Handler(
                r -> {
                    throw new RejectedExecutionException("16 tasks waiting");
                },
                (a, s) -> false);
        IQ answer = thrown.handleIQRequest(request());
        assertThat(answer.getType()).isEqualTo(IQ.Type.error);
        assertThat(answer.getStanzaId()).isEqualTo("r1");
        assertThat(answer.getError().getCondition()).isEqualTo(StanzaError.Condition.resource_constraint);
        assertThat(answer.getError().getType()).isEqualTo(StanzaError.Type.WAIT);
        assertThat(answer.getError().getDescriptiveText())
                .isEqualTo("too busy to handle the request (16 tasks waiting); try again shortly");

        Handler failed = new Handler(
                r -> Work.supply(
                        task -> {
                            throw new RejectedExecutionException();
                        },
                        () -> IotIqRequestHandler.resultFor(r, new Q())),
                (a, s) -> false);
        IQ second = failed.handleIQRequest(request());
        assertThat(second.getError().getCondition()).isEqualTo(StanzaError.Condition.resource_constraint);
        assertThat(second.getError().getDescriptiveText())
                .isEqualTo("too busy to handle the request; try again shortly");
    }

    @Test
    void aRefusalLaterInTheFutureChainIsAnsweredWithResourceConstraint() throws Exception {
        CompletableFuture<Void> go = new CompletableFuture<>();
        Handler h = new Handler(
                r -> go.thenCompose(x -> Work.supply(
                                task -> {
                                    throw new RejectedExecutionException("full");
                                },
                                () -> IotIqRequestHandler.resultFor(r, new Q())))
                        .thenApply(iq -> iq),
                (a, s) -> false);
        assertThat(h.handleIQRequest(request())).isNull();
        assertThat(sent()).isEmpty();
        go.complete(null);
        assertThat(sent()).hasSize(1);
        IQ answer = (IQ) sent().get(0);
        assertThat(answer.getType()).isEqualTo(IQ.Type.error);
        assertThat(answer.getStanzaId()).isEqualTo("r1");
        assertThat(answer.getTo().toString()).isEqualTo("client@example.org/a");
        assertThat(answer.getError().getCondition()).isEqualTo(StanzaError.Condition.resource_constraint);

        events.clear();
        CompletableFuture<IQ> wrapped = new CompletableFuture<>();
        Handler nested = new Handler(r -> wrapped, (a, s) -> false);
        assertThat(nested.handleIQRequest(request())).isNull();
        wrapped.completeExceptionally(new ExecutionException(new RejectedExecutionException("full")));
        assertThat(((IQ) sent().get(0)).getError().getCondition()).isEqualTo(StanzaError.Condition.resource_constraint);
    }

    @Test
    void otherFailuresKeepTheirAnswers() throws Exception {
        Handler bug = new Handler(
                r -> {
                    throw new IllegalStateException("bug");
                },
                (a, s) -> false);
        assertThat(bug.handleIQRequest(request()).getError().getCondition())
                .isEqualTo(StanzaError.Condition.internal_server_error);

        Handler failing = new Handler(
                r -> Work.supply(Runnable::run, () -> {
                    throw new java.io.IOException("disk");
                }),
                (a, s) -> false);
        IQ answer = failing.handleIQRequest(request());
        assertThat(answer.getError().getCondition()).isEqualTo(StanzaError.Condition.internal_server_error);
        assertThat(answer.getError().getDescriptiveText()).isEqualTo("disk");

        Handler conflict = new Handler(
                r -> CompletableFuture.failedFuture(new CompletionException(IotErrors.conflict("locked"))),
                (a, s) -> false);
        assertThat(conflict.handleIQRequest(request()).getError().getCondition())
                .isEqualTo(StanzaError.Condition.conflict);
    }
}

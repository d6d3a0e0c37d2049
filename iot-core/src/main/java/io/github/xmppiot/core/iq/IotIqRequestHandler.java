package io.github.xmppiot.core.iq;

import io.github.xmppiot.core.internal.Failures;
import io.github.xmppiot.core.internal.Sending;
import io.github.xmppiot.core.xml.MalformedRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.packet.IQ;

/**
 * Base of every IoT IQ request handler: never blocks Smack's reader thread and always answers.
 *
 * <ul>
 *   <li>a {@link MalformedRequest} is answered with {@code modify/bad-request} before {@link #handle} is called;</li>
 *   <li>{@link #handle} returns a stage; if it is already complete the answer goes out at once (unless a subclass
 *       takes it over with {@link #answerLater}), otherwise when it completes;</li>
 *   <li>an {@link IotErrorException} becomes that XMPP error;</li>
 *   <li>a task a bounded executor refused ({@link RejectedExecutionException}, thrown by {@link #handle} or failing its
 *       stage, inside any {@link CompletionException} or {@link java.util.concurrent.ExecutionException}) becomes
 *       {@code wait/resource-constraint} (RFC 6120 §8.3.3.18): the requester may retry later;</li>
 *   <li>any other failure becomes {@code internal-server-error};</li>
 *   <li>a stage that does not complete within the answer timeout is answered with {@code internal-server-error}.</li>
 * </ul>
 *
 * <p>Order: Smack calls the handlers of one connection one at a time, in the order the requests arrived, after the
 * roster pushes that arrived before them ({@code Mode.sync}, never on the reader thread). So a request sent the
 * instant its sender became a friend is decided on the roster that says so (RFC 6121 §3.1.5: the server pushes the
 * roster change before it delivers the {@code subscribed} the requester reacts to). {@link #handle} must therefore
 * only start its work and return a stage: anything slow belongs on the manager's executors.
 *
 * @param <R> the request IQ class produced by the element's provider
 * @since 0.1.0
 */
public abstract class IotIqRequestHandler<R extends IQ> extends AbstractIqRequestHandler {

    private static final Logger LOG = Logger.getLogger(IotIqRequestHandler.class.getName());

    private final XMPPConnection connection;
    private final Class<R> requestClass;
    private final Duration answerTimeout;

    /**
     * Creates a handler.
     *
     * @param connection    the connection answers are sent on
     * @param element       the payload element name
     * @param namespace     the payload namespace
     * @param type          the IQ type handled ({@code get} or {@code set})
     * @param requestClass  the class the provider produces
     * @param answerTimeout longest time before an answer is forced
     */
    protected IotIqRequestHandler(
            XMPPConnection connection,
            String element,
            String namespace,
            IQ.Type type,
            Class<R> requestClass,
            Duration answerTimeout) {
        super(element, namespace, type, Mode.sync);
        this.connection = Objects.requireNonNull(connection, "connection");
        this.requestClass = Objects.requireNonNull(requestClass, "requestClass");
        this.answerTimeout = Objects.requireNonNull(answerTimeout, "answerTimeout");
    }

    /**
     * Handles a well-formed request.
     *
     * @param request the request
     * @return a stage completing with the response IQ (a result addressed by {@link #resultFor}), or exceptionally
     *         with an {@link IotErrorException}
     */
    protected abstract CompletionStage<? extends IQ> handle(R request);

    @Override
    public final IQ handleIQRequest(IQ iq) {
        if (iq instanceof MalformedRequest malformed) {
            return malformed.badRequestReply();
        }
        if (!requestClass.isInstance(iq)) {
            return IQ.createErrorResponse(
                    iq, IotErrors.badRequest("unexpected payload").toStanzaError());
        }
        CompletableFuture<? extends IQ> answer;
        try {
            answer = handle(requestClass.cast(iq)).toCompletableFuture();
        } catch (RuntimeException e) {
            return errorFor(iq, e);
        }
        if (answer.isDone()) {
            R request = requestClass.cast(iq);
            IQ response = address(iq, answerNow(iq, answer));
            return answerReady(request, response);
        }
        R request = requestClass.cast(iq);
        answer.orTimeout(answerTimeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((r, e) -> {
            IQ response = address(iq, e == null ? r : errorFor(iq, e));
            Runnable sendAnswer = new SendOnce(response);
            try {
                if (!answerCompletedLater(request, response, sendAnswer)) {
                    sendAnswer.run();
                }
            } catch (RuntimeException failed) {
                LOG.log(
                        Level.WARNING,
                        "answerCompletedLater failed on " + iq.getChildElementName() + ", answering now",
                        failed);
                sendAnswer.run();
            }
        });
        return null;
    }

    /**
     * Takes over sending an answer that completed later ({@link #handle} returned a stage that was not complete), the
     * counterpart of {@link #answerLater} for such answers. XEP-0323 uses it when an access decision arrives later: the
     * read-out sends its {@code accepted} answer itself, on its worker thread, before its data.
     *
     * <p>Called on the thread that completed the stage (or the timeout's thread), with the answer already addressed;
     * it must not block. When this returns true, the subclass owns the answer and must make {@code sendAnswer} run, or
     * send the same answer itself, exactly once; {@code sendAnswer} only sends on its first run. If this method
     * throws, the answer is sent at once. The default returns false: the handler sends the answer.
     *
     * @param request    the request
     * @param answer     the answer (a result, or an error including the answer timeout's)
     * @param sendAnswer sends {@code answer}; only its first run has an effect
     * @return true if the subclass sends the answer, false to let the handler send it
     */
    protected boolean answerCompletedLater(R request, IQ answer, Runnable sendAnswer) {
        return false;
    }

    /**
     * Takes over sending an answer that was ready at once ({@link #handle} returned a completed stage), so that other
     * stanzas can go out before it: XEP-0323 §3 lets a device send its data before {@code accepted}, for example.
     *
     * <p>When this returns true, the subclass owns the answer and must make {@code sendAnswer} run exactly once, on any
     * thread, now or later; the handler then returns nothing to Smack. {@code sendAnswer} is safe against mistakes: only
     * its first run sends, later runs do nothing. If this method throws, the answer is sent at once. When this returns
     * false, the handler returns the answer to Smack.
     *
     * <p>Called on one of Smack's handler threads, never its reader thread; it must not block for long, since Smack
     * runs the handlers of one connection one at a time. Not called for answers completed later (those go to
     * {@link #answerCompletedLater}). The default returns false.
     *
     * @param request    the request
     * @param answer     the answer produced (a result or an error), already addressed to the requester
     * @param sendAnswer sends {@code answer}; only its first run has an effect
     * @return true if the subclass sends the answer through {@code sendAnswer}, false to let the handler send it
     */
    protected boolean answerLater(R request, IQ answer, Runnable sendAnswer) {
        return false;
    }

    /** Answers a request whose answer was ready at once, through the hooks; returns what Smack should send. */
    private IQ answerReady(R request, IQ response) {
        Runnable sendAnswer = new SendOnce(response);
        try {
            if (answerLater(request, response, sendAnswer)) {
                return null;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "answerLater failed on " + request.getChildElementName() + ", answering now", e);
            sendAnswer.run();
            return null;
        }
        return response;
    }

    /** Sends one answer on its first run; later runs do nothing. */
    private final class SendOnce implements Runnable {

        private final AtomicReference<IQ> answer;

        SendOnce(IQ answer) {
            this.answer = new AtomicReference<>(answer);
        }

        @Override
        public void run() {
            IQ a = answer.getAndSet(null);
            if (a != null) {
                send(a);
            }
        }
    }

    private IQ answerNow(IQ iq, CompletableFuture<? extends IQ> answer) {
        try {
            return answer.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            return errorFor(iq, e);
        }
    }

    /**
     * Prepares an IQ of type result that answers {@code request}.
     *
     * @param request the request
     * @param result  the response payload IQ
     * @param <T>     the response class
     * @return {@code result}, typed and addressed
     */
    public static <T extends IQ> T resultFor(IQ request, T result) {
        result.setType(IQ.Type.result);
        result.setStanzaId(request.getStanzaId());
        result.setTo(request.getFrom());
        return result;
    }

    private static IQ address(IQ request, IQ response) {
        response.setStanzaId(request.getStanzaId());
        response.setTo(request.getFrom());
        return response;
    }

    private static IQ errorFor(IQ request, Throwable failure) {
        Throwable t = Failures.unwrap(failure);
        if (t instanceof IotErrorException iot) {
            return IQ.createErrorResponse(request, iot.toStanzaError());
        }
        if (t instanceof RejectedExecutionException refused) {
            return IQ.createErrorResponse(request, IotErrors.busy(refused).toStanzaError());
        }
        if (t instanceof java.util.concurrent.TimeoutException) {
            return IQ.createErrorResponse(
                    request,
                    IotErrors.internalError("the device did not answer in time").toStanzaError());
        }
        LOG.log(Level.WARNING, "IoT request handler failed on " + request.getChildElementName(), t);
        return IQ.createErrorResponse(
                request, IotErrors.internalError(String.valueOf(t.getMessage())).toStanzaError());
    }

    private void send(IQ response) {
        Sending.sendOrLog(connection, response, LOG, "IoT answer");
    }
}

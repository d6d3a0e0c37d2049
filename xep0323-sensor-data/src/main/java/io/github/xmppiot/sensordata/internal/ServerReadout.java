package io.github.xmppiot.sensordata.internal;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.field.FieldFailure;
import io.github.xmppiot.core.field.TimedField;
import io.github.xmppiot.core.internal.Failures;
import io.github.xmppiot.core.thing.ReadScope;
import io.github.xmppiot.core.thing.SensorData;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.sensordata.HistoryStore;
import io.github.xmppiot.sensordata.SensorDataServer.DoneMarker;
import io.github.xmppiot.sensordata.element.Done;
import io.github.xmppiot.sensordata.element.Failure;
import io.github.xmppiot.sensordata.element.FailureError;
import io.github.xmppiot.sensordata.element.Fields;
import io.github.xmppiot.sensordata.element.Started;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.packet.ExtensionElement;

/**
 * One read-out on the Thing side (XEP-0323 §3): reads the selected Things (and the history store for historical
 * categories) concurrently, streams each node's results as {@code failure} and {@code fields} messages as soon as
 * they are ready, and ends with {@code done} — on the last message, or as a separate element. The last message is held
 * back until every node is finished so that it can carry {@code done='true'}. Started with
 * {@link #startHere(Runnable)}, it also decides when the {@code accepted} answer goes out: after the data when the
 * read-out is finished at once in one message, else before the first message.
 */
public final class ServerReadout {

    private static final Logger LOG = Logger.getLogger(ServerReadout.class.getName());

    /** Sends one message payload to the requester. */
    @FunctionalInterface
    public interface Sender {
        /**
         * Sends.
         *
         * @param payload the message payload
         * @throws Exception if the connection fails
         */
        void send(ExtensionElement payload) throws Exception;
    }

    /**
     * What a read-out needs from the server.
     *
     * @param seqnr        the sequence number
     * @param things       the Things to read
     * @param scope        categories, names (already narrowed by the access decision) and range
     * @param history      the history store
     * @param clock        the clock
     * @param readTimeout  longest time a Thing may take
     * @param splitter     message size limits
     * @param doneMarker    how the end of the read-out is marked
     * @param acceptedFirst whether {@code accepted} must precede the data (see {@link #startHere(Runnable)})
     * @param sender        sends messages to the requester
     * @param onFinish      called once when the read-out ends (done, cancelled or failed)
     * @param work          runs the read-out's work (a bounded pool, never Smack's reader thread)
     * @param timer         starts queued read-outs ({@code when}); its tasks only hand work to {@code work}
     */
    public record Setup(
            int seqnr,
            List<Thing> things,
            ReadScope scope,
            HistoryStore history,
            Clock clock,
            Duration readTimeout,
            MessageSplitter splitter,
            DoneMarker doneMarker,
            boolean acceptedFirst,
            Sender sender,
            Runnable onFinish,
            Executor work,
            ScheduledExecutorService timer) {}

    private final Setup setup;
    private final Object lock = new Object();
    /** The {@code accepted} answer still to send, see {@link #startHere(Runnable)}. */
    private final AtomicReference<Runnable> answer = new AtomicReference<>();
    /**
     * Set by the first start: a read-out runs once. An access decision that completes while the request handler is
     * returning can make both the decision's continuation ({@link #start()}) and the handler's answer-ready path
     * ({@link #startHere(Runnable)}) start it; running twice sent every field twice.
     */
    private final AtomicBoolean launched = new AtomicBoolean();

    private ExtensionElement held;
    private boolean cancelled;
    private boolean finished;
    private ScheduledFuture<?> scheduled;

    /**
     * Creates the read-out; nothing happens until {@link #start} or {@link #schedule}.
     *
     * @param setup what to read and how to answer
     */
    public ServerReadout(Setup setup) {
        this.setup = setup;
    }

    /**
     * Whether {@code accepted} must precede the data of this read-out.
     *
     * @return the setting of the request's snapshot
     */
    public boolean acceptedFirst() {
        return setup.acceptedFirst();
    }

    /**
     * Starts reading now, on a worker thread; a read-out already started is not started again.
     *
     * @throws RejectedExecutionException if the work pool is full (answer {@code wait/resource-constraint})
     */
    public void start() {
        if (launched.compareAndSet(false, true)) {
            setup.work().execute(() -> run(false));
        }
    }

    /**
     * Starts reading now on a worker thread, which sends the {@code accepted} answer before anything else: for a
     * request whose access decision arrived later, {@code accepted} always precedes the data (the handler thread has
     * long returned, so nothing is saved by sending data first).
     *
     * @param acceptedAnswer sends the {@code accepted} IQ result; not run if the work pool refuses the read-out
     * @throws RejectedExecutionException if the work pool is full (answer {@code wait/resource-constraint} instead)
     */
    public void start(Runnable acceptedAnswer) {
        if (!launched.compareAndSet(false, true)) {
            acceptedAnswer.run();
            return;
        }
        answer.set(acceptedAnswer);
        try {
            setup.work().execute(() -> {
                answerOnce();
                run(false);
            });
        } catch (RejectedExecutionException e) {
            answer.set(null);
            throw e;
        }
    }

    /**
     * Starts reading now, on the calling thread, which must not be Smack's reader thread; {@code accepted} has already
     * been sent.
     */
    public void startHere() {
        if (launched.compareAndSet(false, true)) {
            run(false);
        }
    }

    /**
     * Starts reading now, on the calling thread, which must not be Smack's reader thread, and sends the
     * {@code accepted} answer as late as useful: XEP-0323 §3 lets a device that already has the response send it
     * before {@code accepted} ("the client can assume the device accepted the request"). {@code acceptedAnswer} runs
     * exactly once: before the first message that is not the last one (a read-out split over several messages), and
     * at the latest when this method returns, that is when the calling thread has sent what was ready at once. So a
     * read-out finished at once that fits in one message goes out as data, the end marker, then {@code accepted}; a
     * read-out split over several messages gets {@code accepted} before its data as before, and so does a Thing whose
     * values arrive later (unless they arrive before this method returns, an order XEP-0323 allows as well).
     * Cancellation and send failures still lead to the one answer.
     *
     * @param acceptedAnswer sends the {@code accepted} IQ result
     */
    public void startHere(Runnable acceptedAnswer) {
        if (!launched.compareAndSet(false, true)) {
            acceptedAnswer.run(); // already started elsewhere: only the answer is left to send
            return;
        }
        answer.set(acceptedAnswer);
        try {
            run(false);
        } finally {
            answerOnce();
        }
    }

    /** Sends the pending {@code accepted} answer of {@link #startHere(Runnable)}, if not sent yet. */
    private void answerOnce() {
        Runnable a = answer.getAndSet(null);
        if (a != null) {
            a.run();
        }
    }

    /**
     * Queues the read-out; {@code started} is sent when it begins (XEP-0323 §3, schema §10).
     *
     * @param delay time until it begins
     * @throws RejectedExecutionException if the timer is shut down
     */
    public void schedule(Duration delay) {
        if (!launched.compareAndSet(false, true)) {
            return;
        }
        synchronized (lock) {
            scheduled =
                    setup.timer().schedule(() -> onWorker(() -> run(true)), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Cancels: a queued read-out is dropped, a running one sends nothing more. Calls {@code onFinish}.
     */
    public void cancel() {
        synchronized (lock) {
            if (finished) {
                return;
            }
            cancelled = true;
            finished = true;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
        setup.onFinish().run();
    }

    private void run(boolean queued) {
        synchronized (lock) {
            if (cancelled) {
                return;
            }
        }
        if (queued && !sendLocked(new Started(setup.seqnr()))) {
            finish(null);
            return;
        }
        List<CompletableFuture<Void>> parts = new ArrayList<>();
        for (Thing thing : setup.things()) {
            CompletableFuture<SensorData> live =
                    guard(() -> thing.read(setup.scope(), setup.clock()), thing.node(), "read");
            CompletableFuture<SensorData> hist = setup.scope().wantsHistory()
                    ? guard(
                            () -> setup.history()
                                    .query(thing.node(), setup.scope())
                                    .thenApply(l -> new SensorData(l, List.of())),
                            thing.node(),
                            "history")
                    : CompletableFuture.completedFuture(SensorData.EMPTY);
            CompletableFuture<SensorData> data = live.thenCombine(hist, SensorData::plus);
            // Data that is already there (synchronous sensors) is emitted on this worker thread at once; a hop is
            // only needed when a sensor completes later, possibly on a thread that must not do the sending.
            parts.add(
                    data.isDone()
                            ? data.thenAccept(d -> emitNode(thing.node(), d))
                            : data.thenAcceptAsync(d -> emitNode(thing.node(), d), setup.work()));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new));
        if (all.isDone()) {
            all.whenComplete((v, e) -> finish(e));
        } else {
            all.whenComplete((v, e) -> onWorker(() -> finish(e)));
        }
    }

    /**
     * Runs a step of an accepted read-out on the work pool; if the pool refuses it (full, or shut down), the read-out
     * ends at once with what it has sent, so its requester gets the end marker and its slot is freed.
     */
    private void onWorker(Runnable step) {
        try {
            setup.work().execute(step);
        } catch (RejectedExecutionException e) {
            finish(e);
        }
    }

    private CompletableFuture<SensorData> guard(Supplier<CompletionStage<SensorData>> call, NodeRef node, String what) {
        CompletableFuture<SensorData> f;
        try {
            f = call.get().toCompletableFuture();
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        return f.orTimeout(setup.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(e -> {
                    Throwable t = Failures.unwrap(e);
                    String reason = t instanceof TimeoutException ? "Timeout." : String.valueOf(t.getMessage());
                    LOG.log(Level.FINE, what + " of " + node + " failed", t);
                    return SensorData.failure(
                            null, DateTimeValue.of(setup.clock().instant()), reason);
                });
    }

    private void emitNode(NodeRef node, SensorData data) {
        ReadScope scope = setup.scope();
        List<TimedField> fields = new ArrayList<>(data.fields().size());
        for (TimedField tf : data.fields()) {
            if (ReadoutFilter.matches(scope, tf.timestamp(), tf.field())) {
                fields.add(tf);
            }
        }
        List<FailureError> errors = new ArrayList<>();
        for (FieldFailure f : data.failures()) {
            if (f.fieldName() == null || scope.wantsField(f.fieldName())) {
                String text = f.fieldName() == null ? f.message() : f.fieldName() + ": " + f.message();
                errors.add(FailureError.of(node, f.timestamp(), text));
            }
        }
        List<ExtensionElement> messages = new ArrayList<>();
        messages.addAll(setup.splitter().failures(errors));
        messages.addAll(setup.splitter().fields(node, fields));
        synchronized (lock) {
            for (ExtensionElement m : messages) {
                if (cancelled) {
                    return;
                }
                if (m instanceof Fields next && held instanceof Fields open) {
                    Fields merged = setup.splitter().merge(open, next);
                    if (merged != null) {
                        held = merged;
                        continue;
                    }
                }
                if (held != null) {
                    // An intermediate message: the read-out is not answered in one message, accept it first.
                    answerOnce();
                    if (!sendNow(held)) {
                        return;
                    }
                }
                held = m;
            }
        }
    }

    private void finish(Throwable error) {
        synchronized (lock) {
            if (finished) {
                return;
            }
            finished = true;
            // The requester's slot and seqnr are free before the end marker goes out: a client may send its next
            // request as soon as it sees the end, and must not meet a read-out limit that is about to be released.
            setup.onFinish().run();
            if (cancelled) {
                held = null;
            } else {
                end(error);
            }
        }
    }

    /** Sends the held message with the end marker; called with the lock held. */
    private void end(Throwable error) {
        if (error != null) {
            LOG.log(Level.WARNING, "read-out " + setup.seqnr() + " failed", error);
        }
        if (setup.doneMarker() == DoneMarker.ELEMENT) {
            if (held == null || sendNow(held)) {
                sendNow(new Done(setup.seqnr()));
            }
        } else if (setup.doneMarker() == DoneMarker.EMPTY_FIELDS) {
            if (held == null || sendNow(held)) {
                sendNow(new Fields(setup.seqnr(), true, List.of()));
            }
        } else if (held == null) {
            sendNow(new Fields(setup.seqnr(), true, List.of()));
        } else if (held instanceof Fields f) {
            sendNow(f.withDone(true));
        } else {
            sendNow(((Failure) held).withDone(true));
        }
        held = null;
    }

    private boolean sendLocked(ExtensionElement payload) {
        synchronized (lock) {
            return !cancelled && sendNow(payload);
        }
    }

    private boolean sendNow(ExtensionElement payload) {
        try {
            setup.sender().send(payload);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "read-out " + setup.seqnr() + ": cannot send, dropping it", e);
        }
        cancelled = true;
        return false;
    }
}

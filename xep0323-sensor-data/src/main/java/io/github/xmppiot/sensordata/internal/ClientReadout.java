package io.github.xmppiot.sensordata.internal;

import io.github.xmppiot.core.thing.ReadScope;
import io.github.xmppiot.sensordata.Readout;
import io.github.xmppiot.sensordata.ReadoutFailure;
import io.github.xmppiot.sensordata.ReadoutField;
import io.github.xmppiot.sensordata.ReadoutListener;
import io.github.xmppiot.sensordata.ReadoutRequest;
import io.github.xmppiot.sensordata.ReadoutSession;
import io.github.xmppiot.sensordata.ReadoutTimeoutException;
import io.github.xmppiot.sensordata.element.Failure;
import io.github.xmppiot.sensordata.element.FailureError;
import io.github.xmppiot.sensordata.element.Fields;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.jxmpp.jid.Jid;

/**
 * Client-side state of one read-out (XEP-0323 §3): collects {@code fields} and {@code failure} until {@code done}
 * (attribute or element), whatever the order relative to {@code accepted} (results before {@code accepted} count as
 * acceptance), filters values against the request, fails on an idle timeout, and reports partial results to a
 * listener one at a time on a worker thread.
 */
public final class ClientReadout implements ReadoutSession, Deadlines.Watched {

    private final int seqnr;
    private final Jid thing;
    private final ReadoutRequest request;
    private final ReadScope scope;
    private final ReadoutListener listener;
    private final Duration timeout;
    private final ListenerCalls calls;
    private final Deadlines deadlines;
    private final CompletableFuture<Boolean> accepted = new CompletableFuture<>();
    private final CompletableFuture<Readout> result = new CompletableFuture<>();
    private final List<ReadoutField> fields = new ArrayList<>();
    private final List<ReadoutFailure> failures = new ArrayList<>();
    private final Function<ClientReadout, CompletableFuture<Void>> canceller;
    private final Runnable onEnd;
    /**
     * No listener: nothing to run in order on a worker thread, so the futures are completed where the answer is
     * handled (never Smack's reader thread: the IQ callbacks and message listeners run on Smack's executors).
     */
    private final boolean direct;
    /** In {@link #direct} mode, the acceptance to complete {@link #accepted} with once out of the lock. */
    private volatile Boolean acceptedValue;

    private int discarded;
    private boolean ended;
    private boolean acceptNotified;
    private boolean queued;
    private boolean started;
    private Jid respondent;
    private long deadline;

    /**
     * Creates the state; call {@link #arm()} once the request is registered.
     *
     * @param seqnr     the sequence number
     * @param thing     the JID the request goes to
     * @param request   the request
     * @param listener  the partial-result listener
     * @param timeout   the idle timeout
     * @param canceller sends {@code cancel} for this read-out
     * @param onEnd     called once when the read-out ends in any way
     * @param calls     where the listener is called; released after the last call is queued
     * @param deadlines the client's idle timer
     */
    public ClientReadout(
            int seqnr,
            Jid thing,
            ReadoutRequest request,
            ReadoutListener listener,
            Duration timeout,
            Function<ClientReadout, CompletableFuture<Void>> canceller,
            Runnable onEnd,
            ListenerCalls calls,
            Deadlines deadlines) {
        this.seqnr = seqnr;
        this.thing = thing;
        this.request = request;
        this.scope = request.toScope();
        this.listener = listener;
        this.timeout = timeout;
        this.canceller = canceller;
        this.onEnd = onEnd;
        this.calls = calls;
        this.deadlines = deadlines;
        this.respondent = thing;
        this.direct = listener == ReadoutListener.NONE;
    }

    @Override
    public int seqnr() {
        return seqnr;
    }

    @Override
    public Jid thing() {
        return thing;
    }

    @Override
    public CompletableFuture<Boolean> accepted() {
        return accepted;
    }

    @Override
    public CompletableFuture<Readout> result() {
        return result;
    }

    /**
     * The JID answers came from (the Thing's full JID once known), where {@code cancel} is sent.
     *
     * @return the JID
     */
    public synchronized Jid respondent() {
        return respondent;
    }

    /** Starts the idle timer. */
    public void arm() {
        long d;
        synchronized (this) {
            touch();
            d = deadline;
        }
        deadlines.watch(this, d);
    }

    private void touch() {
        long d = System.nanoTime() + timeout.toNanos();
        if (queued && !started && request.when().isPresent()) {
            Instant when = request.when().get().toInstant(ZoneOffset.UTC);
            long untilWhen = Duration.between(Instant.now(), when).toNanos();
            d = Math.max(d, System.nanoTime() + Math.max(0, untilWhen) + timeout.toNanos());
        }
        deadline = deadline == 0 || d - deadline > 0 ? d : deadline;
    }

    @Override
    public synchronized long deadline() {
        return deadline;
    }

    @Override
    public boolean expireIfDue(long now) {
        synchronized (this) {
            if (ended) {
                return true;
            }
            if (deadline - now > 0) {
                return false;
            }
        }
        fail(new ReadoutTimeoutException("no answer from " + thing + " to read-out " + seqnr + " within " + timeout));
        return true;
    }

    /**
     * The Thing accepted ({@code accepted}, or a result IQ without payload).
     *
     * @param isQueued whether it queued the read-out
     * @param from     the sender
     */
    public void onAccepted(boolean isQueued, Jid from) {
        synchronized (this) {
            if (ended) {
                return;
            }
            noteRespondent(from);
            if (isQueued && !started) {
                queued = true;
            }
            touch();
            implicitAccept(isQueued);
        }
        completeAccepted();
    }

    /**
     * A queued read-out started.
     *
     * @param from the sender
     */
    public void onStarted(Jid from) {
        synchronized (this) {
            if (ended) {
                return;
            }
            noteRespondent(from);
            started = true;
            touch();
            implicitAccept(true);
            if (!direct) {
                post(listener::onStarted);
            }
        }
        completeAccepted();
    }

    /**
     * Values arrived.
     *
     * @param f    the message payload
     * @param from the sender
     */
    public void onFields(Fields f, Jid from) {
        List<ReadoutField> kept = new ArrayList<>();
        List<ReadoutFailure> problems = new ArrayList<>();
        int dropped = ReadoutFilter.keep(request.nodes(), scope, f, kept);
        for (String p : f.problems()) {
            problems.add(new ReadoutFailure(null, "", p, true));
        }
        synchronized (this) {
            if (ended) {
                return;
            }
            noteRespondent(from);
            touch();
            implicitAccept(false);
            discarded += dropped;
            fields.addAll(kept);
            failures.addAll(problems);
            if (!kept.isEmpty() && !direct) {
                post(() -> listener.onFields(kept));
            }
            if (!problems.isEmpty() && !direct) {
                post(() -> listener.onFailures(problems));
            }
        }
        completeAccepted();
        if (f.done()) {
            onDone(from);
        }
    }

    /**
     * Failures arrived.
     *
     * @param f    the message payload
     * @param from the sender
     */
    public void onFailure(Failure f, Jid from) {
        List<ReadoutFailure> list = new ArrayList<>();
        for (FailureError e : f.errors()) {
            list.add(new ReadoutFailure(e.node(), e.timestamp(), e.text(), false));
        }
        synchronized (this) {
            if (ended) {
                return;
            }
            noteRespondent(from);
            touch();
            implicitAccept(false);
            failures.addAll(list);
            if (!list.isEmpty() && !direct) {
                post(() -> listener.onFailures(list));
            }
        }
        completeAccepted();
        if (f.done()) {
            onDone(from);
        }
    }

    /**
     * The read-out is complete.
     *
     * @param from the sender
     */
    public void onDone(Jid from) {
        Readout r;
        synchronized (this) {
            if (ended) {
                return;
            }
            noteRespondent(from);
            implicitAccept(false);
            ended = true;
            r = new Readout(seqnr, thing, queued, fields, failures, discarded);
            stopTimer();
        }
        onEnd.run();
        if (direct) {
            completeAccepted();
            result.complete(r);
            calls.release();
            return;
        }
        post(() -> listener.onDone(r));
        post(() -> result.complete(r));
        post(calls::release);
    }

    /**
     * The read-out ended without {@code done}.
     *
     * @param error the reason
     */
    public void fail(Throwable error) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            stopTimer();
        }
        onEnd.run();
        if (direct) {
            accepted.completeExceptionally(error);
            result.completeExceptionally(error);
            calls.release();
            return;
        }
        post(() -> listener.onError(error));
        post(() -> {
            accepted.completeExceptionally(error);
            result.completeExceptionally(error);
        });
        post(calls::release);
    }

    /** Queues a listener call; if it is refused, the read-out ends at once with that refusal. */
    private void post(Runnable task) {
        calls.post(task, this::refused);
    }

    private void refused(RejectedExecutionException e) {
        boolean first;
        synchronized (this) {
            first = !ended;
            ended = true;
        }
        if (first) {
            stopTimer();
            onEnd.run();
        }
        accepted.completeExceptionally(e);
        result.completeExceptionally(e);
        calls.release();
    }

    @Override
    public CompletableFuture<Void> cancel() {
        if (isEnded()) {
            return CompletableFuture.completedFuture(null);
        }
        return canceller
                .apply(this)
                .thenRun(() -> fail(new CancellationException("read-out " + seqnr + " of " + thing + " cancelled")));
    }

    private void implicitAccept(boolean isQueued) {
        if (!acceptNotified) {
            acceptNotified = true;
            queued = queued || isQueued;
            boolean q = queued;
            if (direct) {
                acceptedValue = q;
                return;
            }
            post(() -> listener.onAccepted(q));
            post(() -> accepted.complete(q));
        }
    }

    /** In {@link #direct} mode, completes {@link #accepted} once known; call without holding the lock. */
    private void completeAccepted() {
        Boolean a = acceptedValue;
        if (a != null) {
            accepted.complete(a);
        }
    }

    private synchronized boolean isEnded() {
        return ended;
    }

    private void noteRespondent(Jid from) {
        if (from != null && from.hasResource()) {
            respondent = from;
        }
    }

    private void stopTimer() {
        deadlines.unwatch(this);
    }
}

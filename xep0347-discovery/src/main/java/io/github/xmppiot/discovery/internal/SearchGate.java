package io.github.xmppiot.discovery.internal;

import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.iq.IotErrors;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jxmpp.jid.BareJid;

/**
 * The bounds of a registry's searches (XEP-0347 §3.15), on a shared work pool: at most {@code parallel} searches run at
 * once, at most {@code queued} wait (more are refused with {@link RejectedExecutionException}), and one bare JID may
 * have at most {@code perJid} running or waiting (more are refused with {@code resource-constraint}). Not API.
 */
public final class SearchGate implements Executor {

    private final Executor work;
    private final int parallel;
    private final int queued;
    private final int perJid;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private final Map<BareJid, Integer> byJid = new HashMap<>();
    private int running;

    /**
     * Creates the gate.
     *
     * @param work     the pool the searches run on
     * @param parallel most searches running at once
     * @param queued   most searches waiting
     * @param perJid   most searches of one bare JID running or waiting
     */
    public SearchGate(Executor work, int parallel, int queued, int perJid) {
        this.work = Objects.requireNonNull(work, "work");
        this.parallel = parallel;
        this.queued = queued;
        this.perJid = perJid;
    }

    /**
     * Takes a slot of a requester; give it back with {@link #release} when its search is answered.
     *
     * @param who the requester
     * @throws IotErrorException {@code resource-constraint} if it has {@code perJid} searches already
     */
    public synchronized void acquire(BareJid who) throws IotErrorException {
        int mine = byJid.getOrDefault(who, 0);
        if (mine >= perJid) {
            throw IotErrors.resourceConstraint(who + " already has " + mine + " searches in progress (the limit)");
        }
        byJid.put(who, mine + 1);
    }

    /**
     * Gives a requester's slot back.
     *
     * @param who the requester
     */
    public synchronized void release(BareJid who) {
        byJid.computeIfPresent(who, (k, v) -> v <= 1 ? null : v - 1);
    }

    /** Runs a search now if fewer than {@code parallel} run, else queues it; refuses it when the queue is full. */
    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        synchronized (this) {
            if (running >= parallel) {
                if (waiting.size() >= queued) {
                    throw new RejectedExecutionException("more than " + queued + " searches waiting");
                }
                waiting.add(task);
                return;
            }
            running++;
        }
        try {
            work.execute(() -> runThenNext(task));
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                running--;
            }
            throw e;
        }
    }

    private void runThenNext(Runnable task) {
        Runnable next = task;
        while (next != null) {
            try {
                next.run();
            } catch (RuntimeException e) {
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    running--;
                }
            }
        }
    }
}

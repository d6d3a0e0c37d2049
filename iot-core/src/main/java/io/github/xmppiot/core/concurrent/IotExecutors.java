package io.github.xmppiot.core.concurrent;

import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads every xmpp-iot manager runs its work on: one bounded <em>work</em> pool (sensor reads, control actions,
 * store and database calls, building and sending answers, client callbacks) and one <em>timer</em> thread (deadlines,
 * retries, scheduled read-outs; its tasks only hand work to the work pool). Immutable configuration; the threads exist
 * only while at least one manager holds a {@link Lease}.
 *
 * <p>Sharing: every manager's settings default to {@link #shared()}, so a process with one Thing, one hub and one
 * client has one work pool and one timer thread. Pass another instance through a manager's settings to isolate a
 * manager, or {@link #of(ExecutorService, ScheduledExecutorService)} to run on executors you own.
 *
 * <p>Lifecycle: a manager calls {@link #acquire()} when it starts and closes its {@link Lease} in its own
 * {@code close()}. The threads are created by the first lease and shut down (queued tasks still run) when the last
 * lease is closed; a later {@link #acquire()} starts fresh ones. Executors passed to
 * {@link #of(ExecutorService, ScheduledExecutorService)} are never shut down by xmpp-iot.
 *
 * <p>Bounds: the work pool has {@link #workThreads()} threads (default {@value #DEFAULT_WORK_THREADS}, system property
 * {@value #WORK_THREADS_PROPERTY} for {@link #shared()}) and a queue of at most {@link #workQueue()} tasks (default
 * {@value #DEFAULT_WORK_QUEUE}); a task over that bound is refused with {@link
 * java.util.concurrent.RejectedExecutionException}, which managers answer with {@code wait/resource-constraint}. Threads
 * are daemon threads named {@code <name>-work-<n>} and {@code <name>-timer}; idle work threads end after 60 seconds.
 *
 * @since 0.1.0
 */
public final class IotExecutors {

    /** System property setting {@link #workThreads()} of {@link #shared()}. */
    public static final String WORK_THREADS_PROPERTY = "xmppiot.workThreads";
    /** Default number of work threads: 16 (sensor reads may block on a bus for a few milliseconds). */
    public static final int DEFAULT_WORK_THREADS = 16;
    /** Default bound of the work queue: 10,000 tasks. */
    public static final int DEFAULT_WORK_QUEUE = 10_000;
    /** Default thread name prefix: {@code xmpp-iot}. */
    public static final String DEFAULT_NAME = "xmpp-iot";

    private static final IotExecutors SHARED = builder()
            .workThreads(Math.max(1, Integer.getInteger(WORK_THREADS_PROPERTY, DEFAULT_WORK_THREADS)))
            .build();

    private final String name;
    private final int workThreads;
    private final int workQueue;
    private final ExecutorService ownedWork;
    private final ScheduledExecutorService ownedTimer;
    private final Object lock = new Object();
    private int leases;
    private ExecutorService work;
    private ScheduledExecutorService timer;

    private IotExecutors(
            String name, int workThreads, int workQueue, ExecutorService work, ScheduledExecutorService timer) {
        this.name = name;
        this.workThreads = workThreads;
        this.workQueue = workQueue;
        this.ownedWork = work;
        this.ownedTimer = timer;
    }

    /**
     * The process-wide default, used by every manager whose settings name no other.
     *
     * @return the shared instance
     */
    public static IotExecutors shared() {
        return SHARED;
    }

    /**
     * Starts a configuration of a separate set of threads.
     *
     * @return a builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs managers on executors the caller owns and shuts down; xmpp-iot never shuts them down. Both must stay usable
     * while any manager using them is open; {@code work} should be bounded.
     *
     * @param work  runs the work (may block briefly)
     * @param timer runs short scheduled tasks
     * @return executors wrapping the given ones
     */
    public static IotExecutors of(ExecutorService work, ScheduledExecutorService timer) {
        return new IotExecutors(
                "external", 0, 0, Objects.requireNonNull(work, "work"), Objects.requireNonNull(timer, "timer"));
    }

    /**
     * The thread name prefix.
     *
     * @return the prefix
     */
    public String name() {
        return name;
    }

    /**
     * The number of work threads; 0 for executors given to {@link #of(ExecutorService, ScheduledExecutorService)}.
     *
     * @return the bound
     */
    public int workThreads() {
        return workThreads;
    }

    /**
     * The largest number of queued work tasks; 0 for executors given to {@link #of(ExecutorService,
     * ScheduledExecutorService)}.
     *
     * @return the bound
     */
    public int workQueue() {
        return workQueue;
    }

    /**
     * Takes a share of the threads, starting them if no manager holds one. Close the lease when the manager closes.
     *
     * @return a lease; closing it more than once has no further effect
     */
    public Lease acquire() {
        synchronized (lock) {
            if (leases++ == 0 && ownedWork == null) {
                work = newWork();
                timer = newTimer();
            }
            return new Lease(ownedWork != null ? ownedWork : work, ownedTimer != null ? ownedTimer : timer);
        }
    }

    /**
     * The number of open leases (for tests and diagnostics).
     *
     * @return leases not yet closed
     */
    public int activeLeases() {
        synchronized (lock) {
            return leases;
        }
    }

    private void release() {
        synchronized (lock) {
            if (--leases == 0 && ownedWork == null) {
                work.shutdown();
                timer.shutdown();
                work = null;
                timer = null;
            }
        }
    }

    private ExecutorService newWork() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                workThreads,
                workThreads,
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(workQueue),
                threads(name + "-work-", true),
                (task, executor) -> {
                    throw new RejectedExecutionException(
                            executor.isShutdown()
                                    ? "the " + name + " work pool is shut down"
                                    : "the " + name + " work pool has " + workQueue + " tasks waiting, its limit");
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private ScheduledExecutorService newTimer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, threads(name + "-timer", false));
        t.setRemoveOnCancelPolicy(true);
        t.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return t;
    }

    private static ThreadFactory threads(String prefix, boolean numbered) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, numbered ? prefix + n.incrementAndGet() : prefix);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public String toString() {
        return "IotExecutors[" + name + ", workThreads=" + workThreads + ", workQueue=" + workQueue + "]";
    }

    /**
     * A manager's share of an {@link IotExecutors}: the executors to run on until {@link #close()}.
     *
     * @since 0.1.0
     */
    public final class Lease implements AutoCloseable {
        private final ExecutorService work;
        private final ScheduledExecutorService timer;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Lease(ExecutorService work, ScheduledExecutorService timer) {
            this.work = work;
            this.timer = timer;
        }

        /**
         * The bounded work pool. Tasks may block briefly (a sensor read, a database call, a Smack call bounded by the
         * reply timeout); over the queue bound {@code execute} throws {@link
         * java.util.concurrent.RejectedExecutionException}.
         *
         * @return the work executor
         */
        public Executor work() {
            return work;
        }

        /**
         * The timer. Its tasks must be short: hand real work to {@link #work()}.
         *
         * @return the scheduler
         */
        public ScheduledExecutorService timer() {
            return timer;
        }

        /**
         * An executor that runs its tasks one at a time, in submission order, on {@link #work()} (for example the
         * messages of one read-out, or the events of one subscription). It holds at most {@code bound} waiting tasks
         * and refuses more with {@link java.util.concurrent.RejectedExecutionException}.
         *
         * @param bound the largest number of waiting tasks; positive
         * @return a new serial executor
         */
        public Executor serial(int bound) {
            return new SerialExecutor(work, bound);
        }

        /** The executors these leases come from. @return the owner */
        public IotExecutors executors() {
            return IotExecutors.this;
        }

        /** Gives the share back; the last lease of a pool created by xmpp-iot shuts it down (queued tasks still run). */
        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                release();
            }
        }
    }

    /**
     * Configuration of a separate {@link IotExecutors}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private String name = DEFAULT_NAME;
        private int workThreads = DEFAULT_WORK_THREADS;
        private int workQueue = DEFAULT_WORK_QUEUE;

        private Builder() {}

        /**
         * Sets the thread name prefix.
         *
         * @param name a non-blank prefix
         * @return this builder
         */
        public Builder name(String name) {
            if (Objects.requireNonNull(name, "name").isBlank()) {
                throw new IllegalArgumentException("name must not be blank");
            }
            this.name = name;
            return this;
        }

        /**
         * Sets the number of work threads.
         *
         * @param workThreads at least 1
         * @return this builder
         */
        public Builder workThreads(int workThreads) {
            if (workThreads < 1) {
                throw new IllegalArgumentException("workThreads must be at least 1, was " + workThreads);
            }
            this.workThreads = workThreads;
            return this;
        }

        /**
         * Sets the largest number of queued work tasks.
         *
         * @param workQueue at least 1
         * @return this builder
         */
        public Builder workQueue(int workQueue) {
            if (workQueue < 1) {
                throw new IllegalArgumentException("workQueue must be at least 1, was " + workQueue);
            }
            this.workQueue = workQueue;
            return this;
        }

        /**
         * Builds the configuration; no thread starts before the first {@link IotExecutors#acquire()}.
         *
         * @return the executors
         */
        public IotExecutors build() {
            return new IotExecutors(name, workThreads, workQueue, null, null);
        }
    }
}

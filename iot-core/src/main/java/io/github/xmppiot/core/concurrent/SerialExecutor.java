package io.github.xmppiot.core.concurrent;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** Runs tasks one at a time in submission order on another executor; at most {@code bound} tasks wait. */
final class SerialExecutor implements Executor {
    private final Executor delegate;
    private final int bound;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    SerialExecutor(Executor delegate, int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be at least 1, was " + bound);
        }
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.bound = bound;
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        synchronized (tasks) {
            if (tasks.size() >= bound) {
                throw new RejectedExecutionException("more than " + bound + " tasks waiting");
            }
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        schedule();
    }

    private void schedule() {
        try {
            delegate.execute(this::drain);
        } catch (RejectedExecutionException e) {
            synchronized (tasks) {
                tasks.removeLast();
                running = !tasks.isEmpty();
            }
            throw e;
        }
    }

    /** Runs the waiting tasks until none is left; one drain at a time, so their order is kept. */
    private void drain() {
        while (true) {
            Runnable next;
            synchronized (tasks) {
                next = tasks.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
        }
    }
}

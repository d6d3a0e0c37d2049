package io.github.xmppiot.core.concurrent;

import io.github.xmppiot.core.internal.Failures;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs a manager's work on a bounded executor (an {@link IotExecutors.Lease}'s work pool, a serial executor) and
 * reports a task the executor refuses as a failed future instead of a thrown {@link RejectedExecutionException}, so
 * every path treats a refusal like any other failure. IQ answers need nothing more:
 * {@link io.github.xmppiot.core.iq.IotIqRequestHandler} answers a request whose stage fails with a refusal with
 * {@code wait/resource-constraint}. Paths that are not IQ requests (events, client futures) test a failure with
 * {@link #refused(Throwable)}.
 *
 * @since 0.1.0
 */
public final class Work {

    private Work() {}

    /**
     * Runs a task on an executor.
     *
     * @param executor the executor; may refuse the task
     * @param task     the task; a checked exception it throws fails the future (wrapped in a
     *                 {@link CompletionException}, as {@link CompletableFuture} does)
     * @param <T>      the result type
     * @return completes with the task's result; fails with the {@link RejectedExecutionException} if the executor
     *         refused it
     */
    public static <T> CompletableFuture<T> supply(Executor executor, Callable<T> task) {
        Objects.requireNonNull(task, "task");
        try {
            return CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return task.call();
                        } catch (RuntimeException e) {
                            throw e;
                        } catch (Exception e) {
                            throw new CompletionException(e);
                        }
                    },
                    executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Runs a task without a result on an executor.
     *
     * @param executor the executor; may refuse the task
     * @param task     the task
     * @return completes when the task has run; fails with the {@link RejectedExecutionException} if the executor
     *         refused it
     */
    public static CompletableFuture<Void> run(Executor executor, Runnable task) {
        Objects.requireNonNull(task, "task");
        try {
            return CompletableFuture.runAsync(task, executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Whether a failure is a refused task, inside any {@link CompletionException} or
     * {@link java.util.concurrent.ExecutionException} wrappers.
     *
     * @param failure a failure as a stage or {@code get()} reports it; may be null
     * @return true if the failure is a {@link RejectedExecutionException}
     */
    public static boolean refused(Throwable failure) {
        return failure != null && Failures.unwrap(failure) instanceof RejectedExecutionException;
    }
}

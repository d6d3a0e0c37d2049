package io.github.xmppiot.provisioning.internal;

import io.github.xmppiot.core.internal.Failures;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.iq.IotErrors;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs request work on a manager's {@link io.github.xmppiot.core.concurrent.IotExecutors} work pool and turns a task
 * the bounded pool refuses into the answer {@code wait/resource-constraint} (not API).
 */
public final class Work {

    private Work() {}

    /**
     * Runs a task on an executor.
     *
     * @param executor the executor
     * @param task     the task; a checked exception fails the stage
     * @param <T>      the result type
     * @return the result; failed with {@code wait/resource-constraint} if the executor refused the task
     */
    public static <T> CompletableFuture<T> supply(Executor executor, Callable<T> task) {
        try {
            return busyAsResourceConstraint(CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return task.call();
                        } catch (RuntimeException e) {
                            throw e;
                        } catch (Exception e) {
                            throw new CompletionException(e);
                        }
                    },
                    executor));
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(busy());
        }
    }

    /**
     * Maps a refused task anywhere in a stage to {@code wait/resource-constraint}; other failures pass unchanged.
     *
     * @param stage the stage
     * @param <T>   the result type
     * @return the mapped stage
     */
    public static <T> CompletableFuture<T> busyAsResourceConstraint(CompletionStage<T> stage) {
        return stage.toCompletableFuture().handle((r, failure) -> {
            if (failure == null) {
                return r;
            }
            if (Failures.unwrap(failure) instanceof RejectedExecutionException) {
                throw new CompletionException(busy());
            }
            throw failure instanceof CompletionException c ? c : new CompletionException(failure);
        });
    }

    /**
     * The answer to a request whose work the pool refused.
     *
     * @return {@code wait/resource-constraint}
     */
    public static IotErrorException busy() {
        return IotErrors.resourceConstraint("too busy: the work queue is full; try again shortly");
    }
}

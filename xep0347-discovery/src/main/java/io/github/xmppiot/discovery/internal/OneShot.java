package io.github.xmppiot.discovery.internal;

import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.core.concurrent.Work;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Runs one blocking call of a helper that is not a manager (a locator, a resolver) off the caller's thread: on the
 * executor it was given, or else on the work pool of {@link IotExecutors#shared()} under a lease held only while the
 * call runs. Not API.
 */
public final class OneShot {

    private OneShot() {}

    /**
     * Runs a call.
     *
     * @param call     the blocking call
     * @param executor where to run it, or null for the shared work pool
     * @return completes with the call's result; exceptionally with {@link RejectedExecutionException} if the executor
     *         refused it
     */
    public static <T> CompletableFuture<T> supply(Supplier<T> call, Executor executor) {
        if (executor != null) {
            return Work.supply(executor, call::get);
        }
        IotExecutors.Lease lease = IotExecutors.shared().acquire();
        CompletableFuture<T> f = Work.supply(lease.work(), call::get);
        f.whenComplete((v, e) -> lease.close());
        return f;
    }
}

package io.github.xmppiot.core.connection;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The requests in flight on one supervised connection, failed at once with {@link ConnectionLostException} when the
 * connection drops ({@link ConnectionSupervisor#failFast}). Each request is held until it completes (its answer, its
 * reply timeout or the loss), so the set is bounded by the clients' own request rates and timeouts.
 */
final class InFlightRequests {

    private final Set<CompletableFuture<?>> requests = ConcurrentHashMap.newKeySet();

    /**
     * Holds a request until it completes; fails it at once if the connection is not logged in now.
     *
     * @param <T>     the result type
     * @param request the future of a request just sent
     * @param offline the failure for a request made while offline, or null when the connection is logged in
     * @return the same future
     */
    <T> CompletableFuture<T> track(CompletableFuture<T> request, Supplier<ConnectionLostException> offline) {
        requests.add(request);
        request.whenComplete((r, e) -> requests.remove(request));
        ConnectionLostException failure = offline.get();
        if (failure != null) {
            request.completeExceptionally(failure);
        }
        return request;
    }

    /**
     * Fails every request in flight.
     *
     * @param failure why
     */
    void failAll(ConnectionLostException failure) {
        for (CompletableFuture<?> f : List.copyOf(requests)) {
            f.completeExceptionally(failure);
        }
    }
}

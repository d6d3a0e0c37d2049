package io.github.xmppiot.core.internal;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The failure behind the wrappers that {@link java.util.concurrent.CompletableFuture} adds: a stage that failed with
 * an {@code IotErrorException} reaches a dependent stage as a {@link CompletionException}, and {@code get()} throws an
 * {@link ExecutionException}. Every module reads failures through {@link #unwrap} instead of peeling them itself.
 * Not API.
 */
public final class Failures {

    private Failures() {}

    /**
     * Removes every {@link CompletionException} and {@link ExecutionException} around a failure (nested ones too); a
     * wrapper without a cause is returned as it is.
     *
     * @param failure a failure as a stage or {@code get()} reports it
     * @return the first failure that is not such a wrapper, or a wrapper without a cause
     */
    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}

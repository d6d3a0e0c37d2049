package io.github.xmppiot.discovery.internal;

import io.github.xmppiot.core.connection.ConnectionLostException;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.discovery.RegistrationResult;
import io.github.xmppiot.discovery.RegistryLocator;
import io.github.xmppiot.discovery.RegistryNotFoundException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.jivesoftware.smack.packet.StanzaError;
import org.jxmpp.jid.Jid;

/**
 * A registration that waits for its registry without a time limit (XEP-0347 §5.3): it is sent once the registry is
 * reachable, and sent again (after a pause of {@code retryDelay}) when the registry went away before answering
 * (no answer, {@code service-unavailable}, connection lost). Any other failure ends it.
 */
public final class PatientRegistration {

    private static final Logger LOG = Logger.getLogger(PatientRegistration.class.getName());

    private final Supplier<RegistryLocator> locator;
    private final Supplier<CompletableFuture<RegistrationResult>> register;
    private final Runnable waiting;
    private final Duration retryDelay;
    private final ExecutorLease executors;
    private final AtomicBoolean told = new AtomicBoolean();
    private final CompletableFuture<RegistrationResult> result = new CompletableFuture<>();
    private volatile CompletableFuture<?> step = CompletableFuture.completedFuture(null);

    private PatientRegistration(
            Supplier<RegistryLocator> locator,
            Supplier<CompletableFuture<RegistrationResult>> register,
            Runnable waiting,
            Duration retryDelay,
            ExecutorLease executors) {
        this.locator = locator;
        this.register = register;
        this.waiting = waiting;
        this.retryDelay = retryDelay;
        this.executors = executors;
    }

    /**
     * Starts the registration.
     *
     * @param locator    the current registry locator
     * @param register   sends one registration
     * @param waiting    run once, the first time the registry is not reachable
     * @param retryDelay pause before sending again after the registry went away
     * @param executors  the manager's executors: the timer waits out the pause, the work pool sends again
     * @return completes with the registry's answer; cancelling it stops waiting
     */
    public static CompletableFuture<RegistrationResult> start(
            Supplier<RegistryLocator> locator,
            Supplier<CompletableFuture<RegistrationResult>> register,
            Runnable waiting,
            Duration retryDelay,
            ExecutorLease executors) {
        PatientRegistration r = new PatientRegistration(locator, register, waiting, retryDelay, executors);
        r.result.whenComplete((v, e) -> r.step.cancel(false));
        r.attempt();
        return r.result;
    }

    private void attempt() {
        if (result.isDone()) {
            return;
        }
        CompletableFuture<Jid> reachable = locator.get().awaitAddress(() -> {
            if (told.compareAndSet(false, true)) {
                waiting.run();
            }
        });
        step = reachable;
        reachable.thenCompose(address -> register.get()).whenComplete((r, e) -> {
            if (e == null) {
                result.complete(r);
            } else if (!result.isDone()) {
                Throwable t = RegistryClient.typed(e);
                if (transientFailure(t)) {
                    if (told.compareAndSet(false, true)) {
                        waiting.run();
                    }
                    LOG.fine(
                            () -> "registry went away before answering (" + t + "); registering again when it is back");
                    retryLater();
                } else {
                    result.completeExceptionally(t);
                }
            }
        });
    }

    private void retryLater() {
        try {
            executors.timer().schedule(() -> retryNow(), retryDelay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(e); // the manager was closed
        }
    }

    private void retryNow() {
        try {
            executors.execute(this::attempt);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(e);
        }
    }

    private static boolean transientFailure(Throwable t) {
        if (t instanceof TimeoutException || t instanceof ConnectionLostException) {
            return true;
        }
        if (t instanceof RegistryNotFoundException) {
            return true; // not online within the reply timeout between presence and request
        }
        return t instanceof IotErrorException x
                && (x.condition() == StanzaError.Condition.service_unavailable
                        || x.condition() == StanzaError.Condition.recipient_unavailable);
    }
}

package io.github.xmppiot.discovery.internal;

import io.github.xmppiot.core.internal.Failures;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.discovery.RegistryLocator;
import io.github.xmppiot.discovery.ThingNotFoundException;
import io.github.xmppiot.discovery.ThingUnreachableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;

/** Sends requests to the registry a {@link RegistryLocator} finds, translating IQ errors to typed exceptions. */
public final class RegistryClient {

    private final XMPPConnection connection;
    private final Supplier<RegistryLocator> locator;
    private final Duration timeout;

    /** Creates a client sending to the registry of the manager's current settings. */
    public RegistryClient(XMPPConnection connection, Supplier<RegistryLocator> locator, Duration timeout) {
        this.connection = connection;
        this.locator = locator;
        this.timeout = timeout;
    }

    /** The locator of the current settings. */
    public RegistryLocator locator() {
        return locator.get();
    }

    /** Sends a request to the registry of the current settings. */
    public CompletableFuture<IQ> send(IQ request) {
        return locator.get()
                .address()
                .thenCompose(to -> {
                    request.setTo(to);
                    return AsyncIq.send(connection, request, timeout);
                })
                .exceptionally(e -> {
                    throw new CompletionException(typed(e));
                });
    }

    /** Unwraps and types a failure: item-not-found and not-allowed get their own exceptions. */
    public static Throwable typed(Throwable e) {
        Throwable t = Failures.unwrap(e);
        if (t instanceof IotErrorException x
                && !(t instanceof ThingNotFoundException)
                && !(t instanceof ThingUnreachableException)) {
            if (x.condition() == StanzaError.Condition.item_not_found) {
                return new ThingNotFoundException(x.getMessage());
            }
            if (x.condition() == StanzaError.Condition.not_allowed) {
                return new ThingUnreachableException(x.getMessage());
            }
        }
        return t;
    }
}

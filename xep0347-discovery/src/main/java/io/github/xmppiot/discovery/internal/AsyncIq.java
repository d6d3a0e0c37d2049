package io.github.xmppiot.discovery.internal;

import io.github.xmppiot.core.connection.ConnectionSupervisor;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.iq.IotErrors;
import io.github.xmppiot.core.xml.MalformedRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;

/** Sends IQ requests without blocking and turns the answer into a {@link CompletableFuture}. */
public final class AsyncIq {

    private AsyncIq() {}

    /**
     * Sends a request.
     *
     * @return completes with the result IQ, or exceptionally with an {@link IotErrorException} (IQ error or malformed
     *         answer), a {@link TimeoutException}, or at once with a
     *         {@link io.github.xmppiot.core.connection.ConnectionLostException} if the connection drops
     */
    public static CompletableFuture<IQ> send(XMPPConnection connection, IQ request, Duration timeout) {
        CompletableFuture<IQ> f = new CompletableFuture<>();
        try {
            connection
                    .sendIqRequestAsync(request, timeout.toMillis())
                    .onSuccess(iq -> {
                        if (iq instanceof MalformedRequest m) {
                            f.completeExceptionally(IotErrors.badRequest("malformed answer: " + m.reason()));
                        } else {
                            f.complete(iq);
                        }
                    })
                    .onError(e -> f.completeExceptionally(translate(e)));
        } catch (RuntimeException e) {
            f.completeExceptionally(e);
        }
        return ConnectionSupervisor.getInstanceFor(connection).failFast(f);
    }

    private static Throwable translate(Exception e) {
        if (e instanceof XMPPException.XMPPErrorException x) {
            return IotErrorException.from(x.getStanzaError());
        }
        if (e instanceof SmackException.NoResponseException) {
            TimeoutException t = new TimeoutException("no answer: " + e.getMessage());
            t.initCause(e);
            return t;
        }
        return e;
    }
}

package io.github.xmppiot.provisioning.internal;

import io.github.xmppiot.core.internal.Failures;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.iq.IotErrors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;

/** Sends IQ requests without blocking and reads their answers tolerantly (not API). */
public final class Iqs {

    private Iqs() {}

    /**
     * Sends a request and completes with the expected payload; XMPP errors (also those inside an {@code iq
     * type='result'}) complete exceptionally with an {@link IotErrorException}, a missing answer with
     * {@code internal-server-error}, a dropped connection at once with a
     * {@link io.github.xmppiot.core.connection.ConnectionLostException}.
     *
     * @param connection the connection
     * @param request    the request, addressed
     * @param expected   the expected payload class
     * @param <T>        the payload class
     * @return the answer
     */
    public static <T extends IQ> CompletableFuture<T> request(
            XMPPConnection connection, IQ request, Class<T> expected) {
        CompletableFuture<IQ> raw = new CompletableFuture<>();
        try {
            connection.sendIqRequestAsync(request).onSuccess(raw::complete).onError(raw::completeExceptionally);
        } catch (RuntimeException e) {
            raw.completeExceptionally(e);
        }
        io.github.xmppiot.core.connection.ConnectionSupervisor.getInstanceFor(connection)
                .failFast(raw);
        return raw.handle((iq, failure) -> {
            Throwable cause = Failures.unwrap(failure);
            if (cause instanceof io.github.xmppiot.core.connection.ConnectionLostException lost) {
                throw new CompletionException(lost);
            }
            if (failure != null) {
                throw new CompletionException(translate(failure));
            }
            return Responses.expect(iq, expected);
        });
    }

    /**
     * The IoT error a Smack failure stands for.
     *
     * @param failure the failure
     * @return the error
     */
    public static IotErrorException translate(Throwable failure) {
        Throwable t = Failures.unwrap(failure);
        if (t instanceof IotErrorException iot) {
            return iot;
        }
        if (t instanceof XMPPException.XMPPErrorException xe) {
            return IotErrorException.from(xe.getStanzaError());
        }
        if (t instanceof SmackException.NoResponseException) {
            return IotErrors.internalError("no answer: " + t.getMessage());
        }
        return IotErrors.internalError(String.valueOf(t.getMessage()));
    }
}

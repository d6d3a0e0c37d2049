package io.github.xmppiot.sensordata;

import java.util.concurrent.CompletableFuture;
import org.jxmpp.jid.Jid;

/**
 * A read-out in progress on the client side (XEP-0323 §3). Obtained from
 * {@link SensorDataClient#readout(Jid, ReadoutRequest, ReadoutListener)}.
 *
 * @since 0.1.0
 */
public interface ReadoutSession {

    /** @return the sequence number of the request */
    int seqnr();

    /** @return the JID the request was sent to */
    Jid thing();

    /**
     * Completes when the Thing accepts, with whether it queued the read-out; exceptionally like {@link #result()} if
     * it refuses.
     *
     * @return the acceptance
     */
    CompletableFuture<Boolean> accepted();

    /**
     * Completes with the whole read-out on {@code done}; exceptionally with an
     * {@link io.github.xmppiot.core.iq.IotErrorException} (refused: {@code forbidden}, {@code item-not-found},
     * {@code bad-request}, …), a {@link ReadoutTimeoutException}, or a
     * {@link java.util.concurrent.CancellationException} after {@link #cancel()}.
     *
     * @return the result
     */
    CompletableFuture<Readout> result();

    /**
     * Cancels the read-out: sends {@code cancel} (XEP-0323 §3.7 "Cancelling a scheduled read-out request") and
     * completes when the Thing answers {@code cancelled}; {@link #result()} then fails with a
     * {@link java.util.concurrent.CancellationException}. Cancelling a finished read-out completes at once.
     *
     * @return completes on {@code cancelled}, exceptionally if the Thing answers with an error or not at all
     */
    CompletableFuture<Void> cancel();
}

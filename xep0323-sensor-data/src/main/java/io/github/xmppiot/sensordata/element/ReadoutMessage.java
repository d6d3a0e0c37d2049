package io.github.xmppiot.sensordata.element;

import org.jivesoftware.smack.packet.ExtensionElement;

/**
 * A message payload that reports on a read-out in progress (XEP-0323 §3.1): {@link Started}, {@link Fields},
 * {@link Failure} or {@link Done}, each naming its read-out by the sequence number of the request.
 *
 * @since 0.1.0
 */
public sealed interface ReadoutMessage extends ExtensionElement permits Started, Fields, Failure, Done {

    /**
     * The sequence number of the read-out this message belongs to.
     *
     * @return the {@code seqnr} of the request
     */
    int seqnr();
}

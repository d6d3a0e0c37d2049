package io.github.xmppiot.hal;

/**
 * An open hardware resource (a pin, a bus device, a bus) obtained from a {@link HalContext}. A channel claims its
 * resource until it is closed: opening the same resource again while it is open fails with
 * {@link IllegalStateException}. Any operation other than {@link #id()}, {@link #isOpen()} and {@link #close()} on a
 * closed channel, or on a channel whose context is closed, throws {@link IllegalStateException}.
 *
 * @since 0.1.0
 */
public interface HalChannel extends AutoCloseable {

    /**
     * Identifier of the claimed resource, for example {@code gpio:17} or {@code i2c:1:0x76}.
     *
     * @return the resource identifier
     */
    String id();

    /**
     * Whether the channel can still be used.
     *
     * @return {@code false} once the channel or its context is closed
     */
    boolean isOpen();

    /** Releases the resource. Closing a closed channel has no effect. */
    @Override
    void close();
}

package io.github.xmppiot.hal;

/**
 * Handle of a registration or scheduled task that can be withdrawn.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Cancellable {

    /** Withdraws the registration or task. Calling it again has no effect. */
    void cancel();
}

package io.github.xmppiot.hal;

/** Handle of a registration or scheduled task that can be withdrawn. */
@FunctionalInterface
public interface Cancellable {

    /** Withdraws the registration or task. Calling it again has no effect. */
    void cancel();
}

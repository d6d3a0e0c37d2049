package io.github.xmppiot.control.internal;

import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.thing.ThingDirectory;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What one request is served with: the server's settings as they were when the request arrived, with the access
 * policy resolved and the executors of the server's lease.
 *
 * @param things    the Things to control
 * @param policy    who may control
 * @param maxQueued the largest number of accepted requests waiting to be applied
 * @param work      runs the control actions and builds the forms
 * @param timer     ends the wait for actions that take too long
 */
public record ControlContext(
        ThingDirectory things, AccessPolicy policy, int maxQueued, Executor work, ScheduledExecutorService timer) {

    /** Checks that nothing is missing. */
    public ControlContext {
        Objects.requireNonNull(things, "things");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(timer, "timer");
    }
}

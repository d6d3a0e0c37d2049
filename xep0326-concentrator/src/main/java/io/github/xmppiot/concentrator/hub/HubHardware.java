package io.github.xmppiot.concentrator.hub;

import io.github.xmppiot.hal.HalContext;
import io.github.xmppiot.hal.mock.MockHal;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * What a {@link DriverNode} needs to open its driver: the hub's open HAL context, the simulated board when the
 * backend is {@code mock} (so demo nodes can get simulated chips), and the executor where blocking sensor reads run
 * (XEP-0323 read-outs never block Smack's threads).
 *
 * @since 0.1.0
 */
public final class HubHardware {

    private final HalContext hal;
    private final Executor executor;

    /**
     * Creates the context.
     *
     * @param hal      the open HAL context
     * @param executor where blocking reads run
     */
    public HubHardware(HalContext hal, Executor executor) {
        this.hal = Objects.requireNonNull(hal, "hal");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** @return the open HAL context */
    public HalContext hal() {
        return hal;
    }

    /** @return the simulated board if the backend is {@code mock}, else empty */
    public Optional<MockHal> mock() {
        return hal.unwrap(MockHal.class);
    }

    /** @return the executor for blocking reads */
    public Executor executor() {
        return executor;
    }
}

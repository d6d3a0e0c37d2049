package io.github.xmppiot.hal.mock;

import io.github.xmppiot.hal.HalBackend;
import io.github.xmppiot.hal.HalClock;
import io.github.xmppiot.hal.HalConfig;
import io.github.xmppiot.hal.HalProvider;

/**
 * The {@code mock} backend, registered for {@link java.util.ServiceLoader}. Created by the service loader it opens a
 * fresh {@link MockHal} board for every context (on the configured clock if that is a {@link MockClock}); created by
 * {@link MockHal#provider()} it is bound to that board.
 *
 * @since 0.1.0
 */
public final class MockHalProvider implements HalProvider {

    private final MockHal board;

    /** Service-loader constructor: every context gets a fresh board. */
    public MockHalProvider() {
        this(null);
    }

    MockHalProvider(MockHal board) {
        this.board = board;
    }

    @Override
    public String id() {
        return MockHal.ID;
    }

    @Override
    public HalBackend open(HalConfig config) {
        if (board != null) {
            return new MockBackend(board);
        }
        HalClock clock = config.clock();
        return new MockBackend(clock instanceof MockClock ? MockHal.create((MockClock) clock) : MockHal.create());
    }
}

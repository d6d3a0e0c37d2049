package io.github.xmppiot.hal.internal;

import io.github.xmppiot.hal.Cancellable;
import io.github.xmppiot.hal.DigitalInput;
import io.github.xmppiot.hal.DigitalLevel;
import io.github.xmppiot.hal.EdgeEvent;
import io.github.xmppiot.hal.EdgeListener;
import io.github.xmppiot.hal.HalClock;
import io.github.xmppiot.hal.HalException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Debounces a raw backend input: a new level is reported once the raw signal has stayed at it for the whole debounce
 * period, measured on the context's {@link HalClock}. Every raw edge restarts the period, so bounces and glitches
 * shorter than the period are never reported and the reported level always ends equal to the settled raw level.
 */
final class DebouncedDigitalInput implements DigitalInput {

    private final DigitalInput raw;
    private final HalClock clock;
    private final Duration debounce;
    private final List<EdgeListener> listeners = new CopyOnWriteArrayList<>();
    private final Cancellable rawSubscription;
    private DigitalLevel stable;
    private Cancellable pending;

    DebouncedDigitalInput(DigitalInput raw, HalClock clock, Duration debounce) throws HalException {
        this.raw = raw;
        this.clock = clock;
        this.debounce = debounce;
        this.stable = raw.read();
        this.rawSubscription = raw.onEdge(this::onRawEdge);
    }

    private void onRawEdge(EdgeEvent event) {
        if (debounce.isZero()) {
            settle(event);
            return;
        }
        synchronized (this) {
            if (pending != null) {
                pending.cancel();
            }
            pending = clock.schedule(debounce, () -> settle(event));
        }
    }

    private void settle(EdgeEvent event) {
        synchronized (this) {
            pending = null;
            if (event.level() == stable) {
                return;
            }
            stable = event.level();
        }
        for (EdgeListener listener : listeners) {
            listener.onEdge(event);
        }
    }

    @Override
    public int pin() {
        return raw.pin();
    }

    @Override
    public DigitalLevel read() throws HalException {
        if (debounce.isZero()) {
            return raw.read();
        }
        synchronized (this) {
            return stable;
        }
    }

    @Override
    public Cancellable onEdge(EdgeListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public String id() {
        return raw.id();
    }

    @Override
    public boolean isOpen() {
        return raw.isOpen();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (pending != null) {
                pending.cancel();
                pending = null;
            }
        }
        rawSubscription.cancel();
        listeners.clear();
        raw.close();
    }
}

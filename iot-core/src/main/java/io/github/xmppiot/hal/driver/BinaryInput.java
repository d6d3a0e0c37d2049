package io.github.xmppiot.hal.driver;

import io.github.xmppiot.hal.Cancellable;
import io.github.xmppiot.hal.DigitalInput;
import io.github.xmppiot.hal.DigitalLevel;
import io.github.xmppiot.hal.HalException;

/** A digital input with a polarity, shared by {@link PushButton} and {@link MotionSensor}. */
final class BinaryInput {

    private final DigitalInput input;
    private final DigitalLevel activeLevel;

    BinaryInput(DigitalInput input, boolean activeLow) {
        this.input = input;
        this.activeLevel = activeLow ? DigitalLevel.LOW : DigitalLevel.HIGH;
    }

    boolean isActive() throws HalException {
        return input.read() == activeLevel;
    }

    Cancellable onChange(BinaryStateListener listener) {
        return input.onEdge(e -> listener.onChange(e.level() == activeLevel));
    }

    void close() {
        input.close();
    }
}

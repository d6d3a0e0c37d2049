package io.github.xmppiot.hal.pi4j;

import com.pi4j.context.Context;
import com.pi4j.io.IO;

/** Base of the Pi4J channel adapters: closing shuts the Pi4J I/O instance down and removes it from the registry. */
abstract class Pi4jChannel {

    protected final Context pi4j;
    protected final IO<?, ?, ?> io;

    Pi4jChannel(Context pi4j, IO<?, ?, ?> io) {
        this.pi4j = pi4j;
        this.io = io;
    }

    public String id() {
        return io.id();
    }

    public boolean isOpen() {
        return pi4j.registry().exists(io.id());
    }

    public void close() {
        try {
            if (pi4j.registry().exists(io.id())) {
                pi4j.shutdown(io.id());
            }
        } catch (RuntimeException e) {
            // closing must not fail; the I/O instance is gone from the HAL's point of view
        }
    }
}

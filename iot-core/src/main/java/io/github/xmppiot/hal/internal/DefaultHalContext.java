package io.github.xmppiot.hal.internal;

import io.github.xmppiot.hal.AnalogInput;
import io.github.xmppiot.hal.DigitalInput;
import io.github.xmppiot.hal.DigitalInputConfig;
import io.github.xmppiot.hal.DigitalOutput;
import io.github.xmppiot.hal.DigitalOutputConfig;
import io.github.xmppiot.hal.HalBackend;
import io.github.xmppiot.hal.HalChannel;
import io.github.xmppiot.hal.HalClock;
import io.github.xmppiot.hal.HalConfig;
import io.github.xmppiot.hal.HalContext;
import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.HalProvider;
import io.github.xmppiot.hal.I2cDevice;
import io.github.xmppiot.hal.OneWireBus;
import io.github.xmppiot.hal.PwmConfig;
import io.github.xmppiot.hal.PwmOutput;
import io.github.xmppiot.hal.SpiConfig;
import io.github.xmppiot.hal.SpiDevice;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link HalContext} of every backend: lifecycle, resource claims, channel guards and debouncing. */
public final class DefaultHalContext implements HalContext {

    private final HalProvider provider;
    private final HalConfig config;
    private final HalClock clock;
    private final Map<String, HalChannel> channels = new LinkedHashMap<>();
    private volatile State state = State.CREATED;
    private HalBackend backend;

    /**
     * Creates a context in state {@link State#CREATED}.
     *
     * @param provider the backend provider
     * @param config   the configuration
     */
    public DefaultHalContext(HalProvider provider, HalConfig config) {
        this.provider = provider;
        this.config = config;
        this.clock = config.clock();
    }

    /** Opens one backend resource. */
    @FunctionalInterface
    private interface Opener<T> {
        T open(HalBackend backend) throws HalException;
    }

    @Override
    public String backendId() {
        return provider.id();
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public HalConfig config() {
        return config;
    }

    @Override
    public HalClock clock() {
        return clock;
    }

    @Override
    public synchronized HalContext open() throws HalException {
        if (state != State.CREATED) {
            throw new IllegalStateException("HAL context can only be opened once; it is " + state);
        }
        backend = provider.open(config);
        state = State.OPEN;
        return this;
    }

    private synchronized <T extends HalChannel> T claim(Class<T> type, String id, Opener<T> opener)
            throws HalException {
        if (state != State.OPEN) {
            throw new IllegalStateException("HAL context is " + state + ", cannot open " + id);
        }
        if (channels.containsKey(id)) {
            throw new IllegalStateException(id + " is already open");
        }
        T raw = opener.open(backend);
        T guarded = ChannelGuard.guard(type, id, raw, () -> state == State.OPEN, () -> release(id));
        channels.put(id, guarded);
        return guarded;
    }

    private synchronized void release(String id) {
        channels.remove(id);
    }

    @Override
    public DigitalInput digitalInput(DigitalInputConfig cfg) throws HalException {
        return claim(DigitalInput.class, gpio(cfg.pin()), b -> {
            DigitalInput raw = b.openDigitalInput(cfg);
            try {
                return new DebouncedDigitalInput(raw, clock, cfg.debounce());
            } catch (HalException | RuntimeException e) {
                raw.close();
                throw e;
            }
        });
    }

    @Override
    public DigitalOutput digitalOutput(DigitalOutputConfig cfg) throws HalException {
        return claim(DigitalOutput.class, gpio(cfg.pin()), b -> b.openDigitalOutput(cfg));
    }

    @Override
    public PwmOutput pwm(PwmConfig cfg) throws HalException {
        return claim(PwmOutput.class, gpio(cfg.pin()), b -> b.openPwm(cfg));
    }

    @Override
    public AnalogInput analogInput(int channel) throws HalException {
        if (channel < 0) {
            throw new IllegalArgumentException("channel must be >= 0: " + channel);
        }
        return claim(AnalogInput.class, "analog:" + channel, b -> b.openAnalogInput(channel));
    }

    @Override
    public I2cDevice i2c(int bus, int address) throws HalException {
        if (bus < 0) {
            throw new IllegalArgumentException("bus must be >= 0: " + bus);
        }
        I2cDevice.checkAddress(address);
        return claim(I2cDevice.class, String.format("i2c:%d:0x%02x", bus, address), b -> b.openI2c(bus, address));
    }

    @Override
    public SpiDevice spi(SpiConfig cfg) throws HalException {
        return claim(SpiDevice.class, "spi:" + cfg.bus() + ":" + cfg.chipSelect(), b -> b.openSpi(cfg));
    }

    @Override
    public OneWireBus oneWire() throws HalException {
        return claim(OneWireBus.class, "onewire", HalBackend::openOneWire);
    }

    private static String gpio(int pin) {
        return "gpio:" + pin;
    }

    @Override
    public synchronized <T> Optional<T> unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return Optional.of(type.cast(this));
        }
        return backend == null ? Optional.empty() : backend.unwrap(type);
    }

    @Override
    public void close() {
        List<HalChannel> open;
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            if (state == State.CREATED) {
                state = State.CLOSED;
                return;
            }
            open = new ArrayList<>(channels.values());
        }
        Collections.reverse(open);
        try {
            for (HalChannel channel : open) {
                channel.close();
            }
        } finally {
            synchronized (this) {
                state = State.CLOSED;
                channels.clear();
                backend.close();
            }
        }
    }

    @Override
    public String toString() {
        return "HalContext[" + provider.id() + ", " + state + "]";
    }
}

package io.github.xmppiot.hal.pi4j;

import com.pi4j.context.Context;
import com.pi4j.io.spi.Spi;
import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.SpiConfig;
import io.github.xmppiot.hal.SpiDevice;

/** SPI adapter: one full-duplex transfer per call. */
final class Pi4jSpiDevice extends Pi4jChannel implements SpiDevice {

    private final Spi spi;
    private final SpiConfig config;

    Pi4jSpiDevice(Context pi4j, Spi spi, SpiConfig config) {
        super(pi4j, spi);
        this.spi = spi;
        this.config = config;
    }

    @Override
    public SpiConfig config() {
        return config;
    }

    @Override
    public byte[] transfer(byte[] data) throws HalException {
        byte[] received = new byte[data.length];
        try {
            if (spi.transfer(data.clone(), 0, received, 0, data.length) < 0) {
                throw new HalException(HalException.Kind.IO_ERROR, "SPI transfer on " + id() + " failed");
            }
        } catch (RuntimeException e) {
            throw Pi4jErrors.map("SPI transfer on " + id(), e);
        }
        return received;
    }
}

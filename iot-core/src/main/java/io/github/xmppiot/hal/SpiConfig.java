package io.github.xmppiot.hal;

/**
 * Configuration of an SPI device.
 *
 * @param bus        the SPI bus ({@code /dev/spidevBUS.CS}), 0 or more
 * @param chipSelect the chip-select line, 0 or more
 * @param mode       the SPI mode (clock polarity and phase), 0 to 3
 * @param clockHz    the clock frequency in hertz, 1 or more
 * @since 0.1.0
 */
public record SpiConfig(int bus, int chipSelect, int mode, int clockHz) {

    /** Clock used by {@link #of(int, int)}: 1 MHz. */
    public static final int DEFAULT_CLOCK_HZ = 1_000_000;

    /**
     * Validates the configuration.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public SpiConfig {
        if (bus < 0 || chipSelect < 0) {
            throw new IllegalArgumentException("bus and chip select must be >= 0");
        }
        if (mode < 0 || mode > 3) {
            throw new IllegalArgumentException("SPI mode must be within 0..3: " + mode);
        }
        if (clockHz <= 0) {
            throw new IllegalArgumentException("clock must be > 0 Hz: " + clockHz);
        }
    }

    /**
     * Mode 0 at {@value #DEFAULT_CLOCK_HZ} Hz.
     *
     * @param bus        the bus
     * @param chipSelect the chip-select line
     * @return the configuration
     */
    public static SpiConfig of(int bus, int chipSelect) {
        return new SpiConfig(bus, chipSelect, 0, DEFAULT_CLOCK_HZ);
    }
}

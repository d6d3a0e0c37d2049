package io.github.xmppiot.hal.driver;

import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.OneWireBus;
import io.github.xmppiot.hal.OneWireId;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Driver of the Maxim DS18B20 1-Wire thermometer through the Linux {@code w1_therm} driver. Reading the slave's
 * {@code w1_slave} file makes the kernel convert and return the 9-byte scratchpad as hex ({@code
 * 72 01 4b 46 7f ff 0e 10 57 : crc=57 YES}). The driver does not trust the kernel's verdict: it checks the
 * Dallas/Maxim CRC-8 of bytes 0..7 against byte 8 itself and decodes the temperature from bytes 0 and 1 according to
 * the resolution in the configuration byte 4. A CRC mismatch ({@link HalException.Kind#CHECKSUM}), an all-zero
 * scratchpad (no slave answered; its CRC would pass), or a missing slave is an exception, never a value.
 *
 * <p>The 1-Wire bus is one shared channel, so several thermometers use the same {@link OneWireBus}; the driver does
 * not own or close it. Note that +85 °C is the power-on value of the temperature register (datasheet): it is a valid
 * scratchpad and is returned as such.
 *
 * @since 0.1.0
 */
public final class Ds18b20 {

    /** Driver type id. */
    public static final String TYPE = "ds18b20";
    /** 1-Wire family code of the DS18B20. */
    public static final int FAMILY = 0x28;
    /** The w1_therm attribute file holding the scratchpad. */
    public static final String SLAVE_FILE = "w1_slave";
    /** Decimals of {@link Reading#temperatureC()}: exact for the 1/16 °C steps. */
    public static final int SCALE = 4;

    /** Configuration parameters: {@code device}. */
    public static final DriverInfo INFO = new DriverInfo(
            TYPE,
            "Maxim DS18B20 1-Wire thermometer",
            List.of(ParameterSpec.requiredString(
                    "device",
                    "1-Wire id as listed in /sys/bus/w1/devices, e.g." + " 28-0316a2792aff",
                    "28-[0-9a-fA-F]{12}")));

    /**
     * Configuration.
     *
     * @param device the 1-Wire id of the thermometer
     */
    public record Config(OneWireId device) {

        /**
         * Validates the configuration.
         *
         * @throws IllegalArgumentException if the id is not of family 0x28
         */
        public Config {
            INFO.parameter("device").orElseThrow().validate(device.value());
        }

        /**
         * Builds a configuration from textual parameters.
         *
         * @param values values by parameter name
         * @return the configuration
         */
        public static Config from(Map<String, String> values) {
            return new Config(OneWireId.of((String) INFO.resolve(values).get("device")));
        }
    }

    /**
     * One measurement.
     *
     * @param temperatureC temperature in °C, {@value Ds18b20#SCALE} decimals
     * @param resolutionBits the conversion resolution, 9 to 12 bits
     */
    public record Reading(BigDecimal temperatureC, int resolutionBits) {}

    private final OneWireBus bus;
    private final OneWireId device;

    /**
     * Creates a driver; no bus traffic until {@link #read()}.
     *
     * @param bus    the 1-Wire bus, not owned by the driver
     * @param config the configuration
     */
    public Ds18b20(OneWireBus bus, Config config) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.device = config.device();
    }

    /**
     * The DS18B20 thermometers on the bus.
     *
     * @param bus the 1-Wire bus
     * @return the ids of family 0x28
     * @throws HalException if the bus cannot be enumerated
     */
    public static List<OneWireId> find(OneWireBus bus) throws HalException {
        List<OneWireId> out = new ArrayList<>();
        for (OneWireId id : bus.devices()) {
            if (id.family() == FAMILY) {
                out.add(id);
            }
        }
        return out;
    }

    /**
     * Reads the temperature (blocks for the conversion, up to 750 ms at 12 bits).
     *
     * @return the temperature
     * @throws HalException if the slave is missing, the file is malformed or the CRC fails
     */
    public Reading read() throws HalException {
        byte[] scratchpad = parseScratchpad(new String(bus.readFile(device, SLAVE_FILE), StandardCharsets.US_ASCII));
        return decode(scratchpad);
    }

    private byte[] parseScratchpad(String content) throws HalException {
        String firstLine = content.lines().findFirst().orElse("");
        String[] tokens = firstLine.trim().split("\\s+");
        if (tokens.length < 9) {
            throw malformed(content);
        }
        byte[] pad = new byte[9];
        for (int i = 0; i < 9; i++) {
            if (!tokens[i].matches("[0-9a-fA-F]{2}")) {
                throw malformed(content);
            }
            pad[i] = (byte) Integer.parseInt(tokens[i], 16);
        }
        return pad;
    }

    private HalException malformed(String content) {
        return new HalException(
                HalException.Kind.IO_ERROR,
                "malformed " + SLAVE_FILE + " of " + device + ": "
                        + content.lines().findFirst().orElse("(empty)"));
    }

    private Reading decode(byte[] pad) throws HalException {
        boolean allZero = true;
        for (byte b : pad) {
            allZero &= b == 0;
        }
        if (allZero) {
            throw new HalException(
                    HalException.Kind.DEVICE_NOT_FOUND, "all-zero scratchpad from " + device + ": no slave answered");
        }
        int crc = Crc8.compute(pad, 0, 8);
        if (crc != (pad[8] & 0xFF)) {
            throw new HalException(
                    HalException.Kind.CHECKSUM,
                    String.format("scratchpad CRC of %s is 0x%02x, expected 0x%02x", device, pad[8] & 0xFF, crc));
        }
        int bits = 9 + ((pad[4] >> 5) & 0x03);
        int raw = (short) ((pad[1] & 0xFF) << 8 | (pad[0] & 0xFF));
        raw &= ~((1 << (12 - bits)) - 1); // bits below the resolution are undefined (datasheet, figure 4)
        return new Reading(
                BigDecimal.valueOf(raw).divide(BigDecimal.valueOf(16)).setScale(SCALE), bits);
    }
}

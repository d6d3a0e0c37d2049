package io.github.xmppiot.hal.driver;

import java.util.List;
import java.util.Optional;

/**
 * The built-in drivers' descriptions, for listing the node types a hub can create.
 *
 * @since 0.1.0
 */
public final class DriverCatalog {

    private static final List<DriverInfo> ALL = List.of(
            Bme280.INFO,
            Bh1750.INFO,
            Ds18b20.INFO,
            BinarySensor.Preset.MOTION.info(),
            BinarySensor.Preset.BUTTON.info(),
            SwitchedOutput.Preset.RELAY.info(),
            SwitchedOutput.Preset.LED.info(),
            DimmableLed.INFO);

    private DriverCatalog() {}

    /**
     * All built-in driver descriptions.
     *
     * @return the descriptions, in a stable order
     */
    public static List<DriverInfo> all() {
        return ALL;
    }

    /**
     * The description of one driver type.
     *
     * @param type the type id, for example {@code bme280}
     * @return the description, or empty if unknown
     */
    public static Optional<DriverInfo> find(String type) {
        return ALL.stream().filter(i -> i.type().equals(type)).findFirst();
    }
}

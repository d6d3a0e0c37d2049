package io.github.xmppiot.hal.pi4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pi4j.plugin.mock.provider.i2c.MockI2C;
import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.I2cDevice;
import io.github.xmppiot.hal.driver.Bh1750;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pins down what Pi4J 2.8.0's mock platform cannot simulate, so that the documentation (docs/raspberry-pi.md,
 * "Testing") stays true: if Pi4J changes this behaviour, these tests fail and the gap list must be revisited. The
 * scenarios themselves are covered on the iot-core mock backend (DriverFaultsOnMockTest, MockHalTest).
 */
class Pi4jMockGapsTest {

    private final Pi4jHalFixture fx = new Pi4jHalFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void registersAreFifosNotMemoryReadsConsumeAndWritesQueue() throws HalException {
        I2cDevice dev = fx.hal().i2c(1, 0x40);
        dev.writeRegister(0x10, 0x42);

        assertThat(dev.readRegister(0x10)).isEqualTo(0x42); // the write is queued and read back once
        assertThatThrownBy(() -> dev.readRegister(0x10)).isInstanceOf(HalException.class); // then it is gone
        fx.i2cRegisters(1, 0x40, 0x20, 1, 2, 3);
        // no auto-increment: a block read at 0x21 does not see the bytes primed at 0x20
        assertThatThrownBy(() -> dev.readRegisters(0x21, 1)).isInstanceOf(HalException.class);
    }

    @Test
    void aMissingRegisterChipIsAnIoErrorNotDeviceNotFound() throws HalException {
        I2cDevice dev = fx.hal().i2c(1, 0x76);
        assertThatThrownBy(() -> dev.readRegister(0xD0))
                .isInstanceOfSatisfying(
                        HalException.class, e -> assertThat(e.kind()).isEqualTo(HalException.Kind.IO_ERROR));
    }

    @Test
    void rawWritesLoopBackSoAMissingCommandChipCannotBeSimulated() throws HalException {
        Bh1750 sensor = Bh1750.open(fx.hal(), Bh1750.Config.DEFAULT);
        MockI2C mock = fx.mockI2c(1, Bh1750.ADDRESS_LOW);
        assertThat(mock).isNotNull();

        // nothing answers, yet the driver reads back its own commands 0x01 0x20 = 288 counts = 240 lx; on real
        // hardware the write is not acknowledged and the read fails (see DriverFaultsOnMockTest)
        assertThat(sensor.read().lux()).isEqualTo(new BigDecimal("240.00"));
    }
}

package io.github.xmppiot.hal.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.testing.HalFixture;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** BH1750 driver contract, run on every backend. */
public abstract class Bh1750Contract {

    static final int BUS = 1;
    static final int ADDR = Bh1750.ADDRESS_LOW;

    protected HalFixture fx;
    protected Bh1750 sensor;

    protected abstract HalFixture createFixture();

    @BeforeEach
    void setUp() throws HalException {
        fx = createFixture();
        sensor = Bh1750.open(fx.hal(), Bh1750.Config.DEFAULT);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void datasheetExampleGives28067Lux() throws HalException {
        fx.i2cRawRead(BUS, ADDR, 0x83, 0x90); // datasheet p.7: 1000_0011 1001_0000 -> 28067 lx

        assertThat(sensor.read().lux()).isEqualTo(new BigDecimal("28066.67"));
    }

    @Test
    void sendsPowerOnThenOneTimeHighResolutionAndWaits180Ms() throws HalException {
        fx.i2cRawRead(BUS, ADDR, 0x00, 0x0C);

        assertThat(sensor.read().lux()).isEqualTo(new BigDecimal("10.00"));
        assertThat(fx.i2cRawWrites(BUS, ADDR)).containsExactly(0x01, 0x20);
        assertThat(fx.clock().sleeps()).containsExactly(Duration.ofMillis(180));
    }

    @Test
    void darknessAndFullScale() throws HalException {
        fx.i2cRawRead(BUS, ADDR, 0x00, 0x00);
        assertThat(sensor.read().lux()).isEqualTo(new BigDecimal("0.00"));

        fx.i2cRawRead(BUS, ADDR, 0xFF, 0xFF);
        assertThat(sensor.read().lux()).isEqualTo(new BigDecimal("54612.50"));
    }
}

package io.github.xmppiot.hal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.hal.mock.MockHal;
import org.junit.jupiter.api.Test;

class HalLifecycleTest {

    private final MockHal mock = MockHal.create();

    private HalContext created() {
        return Hal.create(
                mock.provider(),
                HalConfig.builder().backend("mock").clock(mock.clock()).build());
    }

    @Test
    void goesFromCreatedToOpenToClosed() throws HalException {
        HalContext hal = created();
        assertThat(hal.state()).isEqualTo(HalContext.State.CREATED);
        assertThat(hal.unwrap(MockHal.class)).isEmpty();

        hal.open();
        assertThat(hal.state()).isEqualTo(HalContext.State.OPEN);
        assertThat(hal.unwrap(MockHal.class)).containsSame(mock);

        hal.close();
        assertThat(hal.state()).isEqualTo(HalContext.State.CLOSED);
        hal.close(); // idempotent
        assertThat(hal.state()).isEqualTo(HalContext.State.CLOSED);
    }

    @Test
    void channelsBeforeOpenOrAfterCloseAreMisuse() throws HalException {
        HalContext hal = created();
        assertThatThrownBy(() -> hal.digitalOutput(DigitalOutputConfig.of(5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CREATED");
        hal.open();
        hal.close();
        assertThatThrownBy(() -> hal.i2c(1, 0x76)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(hal::open).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void openingTwiceIsMisuse() throws HalException {
        try (HalContext hal = created().open()) {
            assertThatThrownBy(hal::open).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aResourceCanBeOpenedOnlyOnceUntilItIsClosed() throws HalException {
        try (HalContext hal = mock.open()) {
            DigitalOutput out = hal.digitalOutput(DigitalOutputConfig.of(5));
            assertThatThrownBy(() -> hal.digitalInput(DigitalInputConfig.of(5)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("gpio:5");
            assertThatThrownBy(() -> hal.pwm(PwmConfig.of(5))).isInstanceOf(IllegalStateException.class);
            I2cDevice dev = hal.i2c(1, 0x76);
            assertThatThrownBy(() -> hal.i2c(1, 0x76)).isInstanceOf(IllegalStateException.class);
            assertThat(hal.i2c(0, 0x76).id()).isEqualTo("i2c:0:0x76");
            hal.oneWire();
            assertThatThrownBy(hal::oneWire).isInstanceOf(IllegalStateException.class);

            out.close();
            dev.close();
            assertThat(hal.digitalInput(DigitalInputConfig.of(5)).id()).isEqualTo("gpio:5");
            assertThat(hal.i2c(1, 0x76).isOpen()).isTrue();
        }
    }

    @Test
    void aClosedChannelCannotBeUsed() throws HalException {
        try (HalContext hal = mock.open()) {
            DigitalOutput out = hal.digitalOutput(DigitalOutputConfig.of(6));
            out.close();
            out.close(); // idempotent
            assertThat(out.isOpen()).isFalse();
            assertThatThrownBy(() -> out.write(DigitalLevel.HIGH))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
        }
    }

    @Test
    void closingTheContextClosesItsChannels() throws HalException {
        HalContext hal = mock.open();
        AnalogInput in = hal.analogInput(0);
        SpiDevice spi = hal.spi(SpiConfig.of(0, 0));
        hal.close();

        assertThat(in.isOpen()).isFalse();
        assertThat(spi.isOpen()).isFalse();
        assertThatThrownBy(in::read).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> spi.transfer(new byte[] {1})).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void invalidArgumentsAreRejectedBeforeTouchingHardware() throws HalException {
        try (HalContext hal = mock.open()) {
            assertThatThrownBy(() -> hal.i2c(1, 0x80)).isInstanceOf(IllegalArgumentException.class);
            I2cDevice dev = hal.i2c(1, 0x40);
            assertThatThrownBy(() -> dev.readRegister(256)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> dev.writeRegister(1, 300)).isInstanceOf(IllegalArgumentException.class);
            PwmOutput pwm = hal.pwm(PwmConfig.of(18));
            assertThatThrownBy(() -> pwm.set(1000, 100.5)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> hal.oneWire().readFile(OneWireId.of("28-000000000001"), "../x"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}

package io.github.xmppiot.hal.pi4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.plugin.mock.provider.gpio.analog.MockAnalogInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.spi.MockSpi;
import io.github.xmppiot.hal.AnalogInput;
import io.github.xmppiot.hal.DigitalInputConfig;
import io.github.xmppiot.hal.DigitalOutput;
import io.github.xmppiot.hal.DigitalOutputConfig;
import io.github.xmppiot.hal.Hal;
import io.github.xmppiot.hal.HalContext;
import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.OneWireBus;
import io.github.xmppiot.hal.OneWireId;
import io.github.xmppiot.hal.SpiConfig;
import io.github.xmppiot.hal.SpiDevice;
import io.github.xmppiot.hal.mock.MockClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Pi4jBackendTest {

    private final Pi4jHalFixture fx = new Pi4jHalFixture();
    private final HalContext hal = fx.hal();
    private final Context pi4j = fx.pi4j();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void inputsUsePullAndLeaveDebouncingToTheHal() throws HalException {
        hal.digitalInput(
                new DigitalInputConfig(17, io.github.xmppiot.hal.PullResistance.PULL_UP, Duration.ofMillis(20)));
        MockDigitalInput in = pi4j.registry().get(Pi4jBackend.ioId("din", 17, -1), MockDigitalInput.class);
        assertThat(in.config().pull()).isEqualTo(PullResistance.PULL_UP);
        assertThat(in.config().debounce()).isZero();
        assertThat(in.provider().id()).isEqualTo("mock-digital-input");
    }

    @Test
    void closingAChannelShutsThePi4jIoDownSoItCanBeReopened() throws HalException {
        DigitalOutput out = hal.digitalOutput(DigitalOutputConfig.of(5));
        String id = Pi4jBackend.ioId("dout", 5, -1);
        assertThat(pi4j.registry().exists(id)).isTrue();

        out.close();
        assertThat(pi4j.registry().exists(id)).isFalse();
        assertThat(hal.digitalOutput(DigitalOutputConfig.of(5)).isOpen()).isTrue();
    }

    @Test
    void closingTheContextShutsPi4jDown() {
        hal.close();
        assertThat(pi4j.isShutdown()).isTrue();
    }

    @Test
    void spiTransfersGoThroughPi4jsMockSpi() throws HalException {
        SpiDevice spi = hal.spi(SpiConfig.of(0, 0));
        MockSpi mock = pi4j.registry().get(Pi4jBackend.ioId("spi", 0, 0), MockSpi.class);
        mock.write(new byte[] {0x11, 0x22}, 0, 2); // prepared response

        assertThat(spi.transfer(new byte[] {1, 2})).containsExactly(0x11, 0x22);
        assertThat(mock.readEntireMockBuffer()).containsExactly(1, 2);
    }

    @Test
    void analogInputsReadPi4jsMockValue() throws HalException {
        AnalogInput in = hal.analogInput(3);
        pi4j.registry()
                .get(Pi4jBackend.ioId("ain", 3, -1), MockAnalogInput.class)
                .mockValue(812);
        assertThat(in.read()).isEqualTo(812);
    }

    @Test
    void oneWireIsReadFromSysfsAndSkipsBusMasters() throws Exception {
        Files.createDirectories(fx.oneWireRoot().resolve("w1_bus_master1"));
        fx.oneWireSlave(OneWireId.of("28-00000000000b"), "x");
        fx.oneWireSlave(OneWireId.of("28-00000000000a"), "y");
        OneWireBus bus = hal.oneWire();

        assertThat(bus.devices()).containsExactly(OneWireId.of("28-00000000000a"), OneWireId.of("28-00000000000b"));
        bus.writeFile(OneWireId.of("28-00000000000a"), "w1_slave", "z".getBytes());
        assertThat(bus.readFile(OneWireId.of("28-00000000000a"), "w1_slave")).containsExactly('z');
        assertThatThrownBy(() -> bus.readFile(OneWireId.of("28-00000000000a"), "resolution"))
                .isInstanceOfSatisfying(
                        HalException.class, e -> assertThat(e.kind()).isEqualTo(HalException.Kind.IO_ERROR));
    }

    @Test
    void withoutAW1TreeOneWireIsUnsupported(@TempDir Path dir) throws HalException {
        try (HalContext other = Hal.open(Pi4jHalFixture.configBuilder(new MockClock(), dir.resolve("absent"))
                .build())) {
            assertThatThrownBy(other::oneWire)
                    .isInstanceOfSatisfying(
                            HalException.class, e -> assertThat(e.kind()).isEqualTo(HalException.Kind.UNSUPPORTED));
        }
    }

    @Test
    void linuxErrnoMessagesAreClassified() {
        assertThat(Pi4jErrors.map("read", new com.pi4j.io.exception.IOException("Remote I/O error"))
                        .kind())
                .isEqualTo(HalException.Kind.DEVICE_NOT_FOUND);
        assertThat(Pi4jErrors.map(
                                "read",
                                new IllegalStateException("x", new RuntimeException("No such device or address")))
                        .kind())
                .isEqualTo(HalException.Kind.DEVICE_NOT_FOUND);
        assertThat(Pi4jErrors.map("read", new RuntimeException("Connection timed out"))
                        .kind())
                .isEqualTo(HalException.Kind.TIMEOUT);
        assertThat(Pi4jErrors.map("read", new RuntimeException("Input/output error"))
                        .kind())
                .isEqualTo(HalException.Kind.IO_ERROR);
    }
}

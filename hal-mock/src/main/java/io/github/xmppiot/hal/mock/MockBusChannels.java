package io.github.xmppiot.hal.mock;

import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.I2cDevice;
import io.github.xmppiot.hal.OneWireBus;
import io.github.xmppiot.hal.OneWireId;
import io.github.xmppiot.hal.SpiConfig;
import io.github.xmppiot.hal.SpiDevice;
import java.util.List;

/** I2C, SPI and 1-Wire channels of the mock backend. */
final class MockBusChannels {

    private MockBusChannels() {}

    /** Looks the chip up on every transfer, so chips can be added, removed or disconnected while open. */
    static final class I2c extends MockBackend.Channel implements I2cDevice {
        private final MockHal board;
        private final int bus;
        private final int address;

        I2c(MockHal board, int bus, int address) {
            this.board = board;
            this.bus = bus;
            this.address = address;
        }

        private MockI2cDevice chip() throws HalException {
            return board.findI2cDevice(bus, address).orElseThrow(() -> MockI2cDevice.notFound(bus, address));
        }

        @Override
        public int bus() {
            return bus;
        }

        @Override
        public int address() {
            return address;
        }

        @Override
        public int readRegister(int register) throws HalException {
            I2cDevice.checkRegister(register);
            return chip().readRegisters(register, 1)[0] & 0xFF;
        }

        @Override
        public void writeRegister(int register, int value) throws HalException {
            I2cDevice.checkRegister(register);
            if (value < 0 || value > 0xFF) {
                throw new IllegalArgumentException("value must be within 0..255: " + value);
            }
            chip().writeRegisters(register, new byte[] {(byte) value});
        }

        @Override
        public byte[] readRegisters(int startRegister, int length) throws HalException {
            I2cDevice.checkRegister(startRegister);
            checkLength(length);
            return chip().readRegisters(startRegister, length);
        }

        @Override
        public void writeRegisters(int startRegister, byte[] data) throws HalException {
            I2cDevice.checkRegister(startRegister);
            chip().writeRegisters(startRegister, data.clone());
        }

        @Override
        public byte[] read(int length) throws HalException {
            checkLength(length);
            return chip().readRaw(length);
        }

        @Override
        public void write(byte... data) throws HalException {
            chip().writeRaw(data.clone());
        }

        private static void checkLength(int length) {
            if (length < 1) {
                throw new IllegalArgumentException("length must be >= 1: " + length);
            }
        }
    }

    static final class Spi extends MockBackend.Channel implements SpiDevice {
        private final MockSpiDevice device;
        private final SpiConfig config;

        Spi(MockSpiDevice device, SpiConfig config) {
            this.device = device;
            this.config = config;
        }

        @Override
        public SpiConfig config() {
            return config;
        }

        @Override
        public byte[] transfer(byte[] data) throws HalException {
            return device.transfer(data);
        }
    }

    static final class OneWire extends MockBackend.Channel implements OneWireBus {
        private final MockOneWireBus bus;

        OneWire(MockOneWireBus bus) {
            this.bus = bus;
        }

        @Override
        public List<OneWireId> devices() throws HalException {
            return bus.enumerate();
        }

        @Override
        public byte[] readFile(OneWireId device, String file) throws HalException {
            OneWireBus.checkFileName(file);
            return bus.find(device).read(file);
        }

        @Override
        public void writeFile(OneWireId device, String file, byte[] data) throws HalException {
            OneWireBus.checkFileName(file);
            bus.find(device).write(file, data.clone());
        }
    }
}

package io.github.xmppiot.hal;

/**
 * One device on an I2C bus. Register operations follow the common convention of sending the register address and
 * then reading or writing with auto-increment, so a block read of {@code n} bytes at register {@code r} returns the
 * registers {@code r .. r+n-1}. Register numbers are 0 to 255, values are unsigned bytes (0 to 255).
 *
 * <p>A missing chip is reported by the first transfer, not by opening the channel: I2C has no connection, only
 * acknowledged or unacknowledged transfers.
 *
 * @since 0.1.0
 */
public interface I2cDevice extends HalChannel {

    /**
     * The bus number ({@code /dev/i2c-N}).
     *
     * @return the bus
     */
    int bus();

    /**
     * The 7-bit device address.
     *
     * @return the address, 0x03 to 0x77
     */
    int address();

    /**
     * Reads one register.
     *
     * @param register the register, 0 to 255
     * @return the unsigned value, 0 to 255
     * @throws HalException if the transfer fails or the device does not answer
     */
    int readRegister(int register) throws HalException;

    /**
     * Writes one register.
     *
     * @param register the register, 0 to 255
     * @param value    the value, 0 to 255
     * @throws HalException if the transfer fails or the device does not answer
     */
    void writeRegister(int register, int value) throws HalException;

    /**
     * Reads consecutive registers in one transfer.
     *
     * @param startRegister the first register, 0 to 255
     * @param length        the number of bytes, 1 or more
     * @return exactly {@code length} bytes
     * @throws HalException if the transfer fails, is short or the device does not answer
     */
    byte[] readRegisters(int startRegister, int length) throws HalException;

    /**
     * Writes consecutive registers in one transfer.
     *
     * @param startRegister the first register, 0 to 255
     * @param data          the bytes to write
     * @throws HalException if the transfer fails or the device does not answer
     */
    void writeRegisters(int startRegister, byte[] data) throws HalException;

    /**
     * Reads bytes without sending a register address (for command-based devices such as the BH1750).
     *
     * @param length the number of bytes, 1 or more
     * @return exactly {@code length} bytes
     * @throws HalException if the transfer fails, is short or the device does not answer
     */
    byte[] read(int length) throws HalException;

    /**
     * Writes bytes without a register address.
     *
     * @param data the bytes to write
     * @throws HalException if the transfer fails or the device does not answer
     */
    void write(byte... data) throws HalException;

    /**
     * Checks a register number; for implementations.
     *
     * @param register the register
     * @throws IllegalArgumentException if it is not within 0..255
     */
    static void checkRegister(int register) {
        if (register < 0 || register > 0xFF) {
            throw new IllegalArgumentException("register must be within 0..255: " + register);
        }
    }

    /**
     * Checks a 7-bit address; for implementations.
     *
     * @param address the address
     * @throws IllegalArgumentException if it is not within 0x03..0x77
     */
    static void checkAddress(int address) {
        if (address < 0x03 || address > 0x77) {
            throw new IllegalArgumentException("7-bit I2C address must be within 0x03..0x77: " + address);
        }
    }
}

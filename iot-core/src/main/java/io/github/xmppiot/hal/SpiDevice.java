package io.github.xmppiot.hal;

/**
 * One device on an SPI bus.
 *
 * @since 0.1.0
 */
public interface SpiDevice extends HalChannel {

    /**
     * The configuration the channel was opened with.
     *
     * @return the configuration
     */
    SpiConfig config();

    /**
     * Performs one full-duplex transfer: sends {@code data} while receiving the same number of bytes.
     *
     * @param data the bytes to send
     * @return the bytes received, as many as sent
     * @throws HalException if the transfer fails
     */
    byte[] transfer(byte[] data) throws HalException;
}

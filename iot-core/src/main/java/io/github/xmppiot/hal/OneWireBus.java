package io.github.xmppiot.hal;

import java.util.List;

/**
 * The 1-Wire bus as exposed by the Linux w1 subsystem: slaves are enumerated by the kernel and accessed through
 * per-slave attribute files such as {@code w1_slave}. This is the portable access path on a Raspberry Pi
 * ({@code dtoverlay=w1-gpio}); bit-level bus access is deliberately not part of the HAL.
 *
 * <p>Reading a file may block for as long as the device needs (a DS18B20 conversion takes up to 750 ms).
 *
 * @since 0.1.0
 */
public interface OneWireBus extends HalChannel {

    /**
     * The slaves currently present on the bus.
     *
     * @return the slave identities, in the order the backend lists them
     * @throws HalException if the bus cannot be enumerated
     */
    List<OneWireId> devices() throws HalException;

    /**
     * Reads an attribute file of a slave, for example {@code w1_slave}.
     *
     * @param device the slave
     * @param file   the file name, without path separators
     * @return the file content
     * @throws HalException with {@link HalException.Kind#DEVICE_NOT_FOUND} if the slave is absent, or another kind if
     *                      the read fails
     */
    byte[] readFile(OneWireId device, String file) throws HalException;

    /**
     * Writes an attribute file of a slave, for example {@code resolution}.
     *
     * @param device the slave
     * @param file   the file name, without path separators
     * @param data   the content to write
     * @throws HalException with {@link HalException.Kind#DEVICE_NOT_FOUND} if the slave is absent, or another kind if
     *                      the write fails
     */
    void writeFile(OneWireId device, String file, byte[] data) throws HalException;

    /**
     * Checks a file name; for implementations.
     *
     * @param file the file name
     * @throws IllegalArgumentException if it is empty or contains a path separator or {@code ..}
     */
    static void checkFileName(String file) {
        if (file == null || file.isEmpty() || file.contains("/") || file.contains("\\") || file.contains("..")) {
            throw new IllegalArgumentException("not a plain file name: " + file);
        }
    }
}

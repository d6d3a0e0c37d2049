package io.github.xmppiot.hal.driver;

/**
 * The Dallas/Maxim 1-Wire CRC-8 (polynomial x^8 + x^5 + x^4 + 1, reflected 0x8C, initial value 0), as used for
 * 1-Wire ROM codes and the DS18B20 scratchpad (Maxim application note 27).
 *
 * @since 0.1.0
 */
public final class Crc8 {

    private Crc8() {}

    /**
     * Computes the CRC of a byte range.
     *
     * @param data   the bytes
     * @param offset the first byte
     * @param length the number of bytes
     * @return the CRC, 0 to 255
     */
    public static int compute(byte[] data, int offset, int length) {
        int crc = 0;
        for (int i = offset; i < offset + length; i++) {
            int b = data[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                int mix = (crc ^ b) & 0x01;
                crc >>>= 1;
                if (mix != 0) {
                    crc ^= 0x8C;
                }
                b >>>= 1;
            }
        }
        return crc;
    }

    /**
     * Computes the CRC of all bytes.
     *
     * @param data the bytes
     * @return the CRC, 0 to 255
     */
    public static int compute(byte[] data) {
        return compute(data, 0, data.length);
    }
}

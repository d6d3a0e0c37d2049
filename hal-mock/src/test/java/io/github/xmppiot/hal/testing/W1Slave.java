package io.github.xmppiot.hal.testing;

import io.github.xmppiot.hal.driver.Crc8;

/** Builds the text of a w1_therm {@code w1_slave} file as the Linux kernel prints it. */
public final class W1Slave {

    private W1Slave() {}

    /** A scratchpad with the given raw temperature word and resolution, TH=0x4b, TL=0x46, correct CRC. */
    public static byte[] scratchpad(int rawTemperature, int resolutionBits) {
        byte[] pad = {
            (byte) rawTemperature,
            (byte) (rawTemperature >> 8),
            0x4b,
            0x46,
            (byte) (0x1F | (resolutionBits - 9) << 5),
            (byte) 0xff,
            0x0c,
            0x10,
            0
        };
        pad[8] = (byte) Crc8.compute(pad, 0, 8);
        return pad;
    }

    /** The two-line file for a scratchpad; the kernel's crc verdict is computed like the kernel does. */
    public static String file(byte[] pad) {
        StringBuilder hex = new StringBuilder();
        for (byte b : pad) {
            hex.append(String.format("%02x ", b & 0xFF));
        }
        boolean ok = Crc8.compute(pad, 0, 8) == (pad[8] & 0xFF);
        int milli = (short) ((pad[1] & 0xFF) << 8 | (pad[0] & 0xFF)) * 1000 / 16;
        return hex + String.format(": crc=%02x %s%n", pad[8] & 0xFF, ok ? "YES" : "NO") + hex + "t=" + milli + "\n";
    }
}

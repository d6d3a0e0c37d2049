package io.github.xmppiot.hal.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Crc8Test {

    @Test
    void maximApplicationNote27RomCodeExample() {
        byte[] rom = {0x02, 0x1C, (byte) 0xB8, 0x01, 0x00, 0x00, 0x00};
        assertThat(Crc8.compute(rom)).isEqualTo(0xA2);
    }

    @Test
    void crc8MaximCheckValue() {
        assertThat(Crc8.compute("123456789".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(0xA1);
    }

    @Test
    void kernelSampleScratchpad() {
        byte[] pad = {0x72, 0x01, 0x4b, 0x46, 0x7f, (byte) 0xff, 0x0e, 0x10};
        assertThat(Crc8.compute(pad)).isEqualTo(0x57);
    }
}

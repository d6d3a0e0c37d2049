package io.github.xmppiot.hal.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class Crc8Properties {

    @Property
    void appendingTheCrcGivesZero(@ForAll @Size(max = 32) byte[] data) {
        byte[] withCrc = Arrays.copyOf(data, data.length + 1);
        withCrc[data.length] = (byte) Crc8.compute(data);
        assertThat(Crc8.compute(withCrc)).isZero();
    }
}

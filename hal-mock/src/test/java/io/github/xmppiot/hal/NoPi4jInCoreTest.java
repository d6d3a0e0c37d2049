package io.github.xmppiot.hal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Only {@code hal-pi4j} may depend on Pi4J: iot-core works, and finds its mock backend, without it. */
class NoPi4jInCoreTest {

    @Test
    void pi4jIsNotOnTheCoreClasspath() {
        assertThatThrownBy(() -> Class.forName("com.pi4j.Pi4J")).isInstanceOf(ClassNotFoundException.class);
        assertThat(Hal.availableBackends()).contains("mock").doesNotContain("pi4j");
    }
}

package io.github.xmppiot.hal.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Every kind of driver parameter: what it declares, which texts it accepts, and the message naming what is wrong. */
class ParameterSpecRulesTest {

    @Test
    void anIntRangeIsInclusiveAndDeclaresItsBounds() {
        ParameterSpec bus = ParameterSpec.intRange("bus", "I2C bus", 1, 0, 7);
        assertThat(bus.name()).isEqualTo("bus");
        assertThat(bus.type()).isEqualTo(ParameterSpec.Type.INT);
        assertThat(bus.description()).isEqualTo("I2C bus");
        assertThat(bus.defaultValue()).contains(1);
        assertThat(bus.required()).isFalse();
        assertThat(bus.min()).isEqualTo(OptionalInt.of(0));
        assertThat(bus.max()).isEqualTo(OptionalInt.of(7));
        assertThat(bus.choices()).isEmpty();
        assertThat(bus.pattern()).isEmpty();
        assertThat(bus.parse("0")).isEqualTo(0);
        assertThat(bus.parse(" 7 ")).isEqualTo(7);
        assertThat(bus.parse("0x7")).isEqualTo(7);
        assertThatThrownBy(() -> bus.parse("8")).hasMessage("bus: 8 is outside 0..7");
        assertThatThrownBy(() -> bus.parse("-1")).hasMessage("bus: -1 is outside 0..7");
        assertThatThrownBy(() -> bus.parse("seven"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bus: not an integer: seven");
        assertThatThrownBy(() -> bus.validate("1")).hasMessage("bus: expected INT but got 1");
        assertThat(bus.toString()).isEqualTo("ParameterSpec[bus: INT, default 1, 0..7]");
    }

    @Test
    void aDefaultOutsideTheRangeIsADriverBug() {
        assertThatThrownBy(() -> ParameterSpec.intRange("bus", "I2C bus", 9, 0, 7))
                .hasMessage("bus: 9 is outside 0..7");
        assertThatThrownBy(() -> ParameterSpec.intChoice("address", "I2C address", 0x10, 0x76, 0x77))
                .hasMessage("address: 16 is not one of [118, 119]");
    }

    @Test
    void aRequiredIntHasNoDefault() {
        ParameterSpec pin = ParameterSpec.requiredInt("pin", "BCM pin", 0, 27);
        assertThat(pin.required()).isTrue();
        assertThat(pin.defaultValue()).isEqualTo(Optional.empty());
        assertThat(pin.parse("27")).isEqualTo(27);
        assertThatThrownBy(() -> pin.parse("28")).hasMessage("pin: 28 is outside 0..27");
        assertThat(pin.toString()).isEqualTo("ParameterSpec[pin: INT, required, 0..27]");
    }

    @Test
    void aChoiceAcceptsOnlyItsValues() {
        ParameterSpec address = ParameterSpec.intChoice("address", "I2C address", 0x76, 0x76, 0x77);
        assertThat(address.choices()).containsExactly(0x76, 0x77);
        assertThat(address.min()).isEmpty();
        assertThat(address.max()).isEmpty();
        assertThat(address.parse("0X77")).isEqualTo(0x77);
        assertThat(address.parse("118")).isEqualTo(0x76);
        assertThatThrownBy(() -> address.parse("0x78")).hasMessage("address: 120 is not one of [118, 119]");
        assertThat(address.toString()).isEqualTo("ParameterSpec[address: INT, default 118, one of [118, 119]]");
    }

    @Test
    void aBooleanAcceptsTrueFalseOneAndZero() {
        ParameterSpec invert = ParameterSpec.bool("inverted", "active low", false);
        assertThat(invert.type()).isEqualTo(ParameterSpec.Type.BOOLEAN);
        assertThat(invert.defaultValue()).contains(false);
        assertThat(invert.parse("true")).isEqualTo(true);
        assertThat(invert.parse("1")).isEqualTo(true);
        assertThat(invert.parse(" false")).isEqualTo(false);
        assertThat(invert.parse("0")).isEqualTo(false);
        assertThatThrownBy(() -> invert.parse("yes")).hasMessage("inverted: not a boolean: yes");
        assertThatThrownBy(() -> invert.validate(1)).hasMessage("inverted: expected BOOLEAN but got 1");
        assertThat(invert.validate(Boolean.TRUE)).isEqualTo(true);
        assertThat(invert.toString()).isEqualTo("ParameterSpec[inverted: BOOLEAN, default false]");
    }

    @Test
    void aStringMustMatchItsPattern() {
        ParameterSpec id = ParameterSpec.requiredString("id", "1-Wire id", "28-[0-9a-f]{12}");
        assertThat(id.type()).isEqualTo(ParameterSpec.Type.STRING);
        assertThat(id.pattern()).contains("28-[0-9a-f]{12}");
        assertThat(id.required()).isTrue();
        assertThat(id.min()).isEmpty();
        assertThat(id.parse(" 28-0123456789ab ")).isEqualTo("28-0123456789ab");
        assertThatThrownBy(() -> id.parse("28-XYZ")).hasMessage("id: '28-XYZ' does not match 28-[0-9a-f]{12}");
        assertThatThrownBy(() -> id.validate(28)).hasMessage("id: expected STRING but got 28");
        assertThat(id.toString()).isEqualTo("ParameterSpec[id: STRING, required]");
        assertThat(List.of(id.choices())).containsExactly(List.of());
    }
}

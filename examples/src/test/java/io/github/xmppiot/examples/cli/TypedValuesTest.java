package io.github.xmppiot.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.value.ValueType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Typed values of {@code set} for a Thing without a control form: given types and inferred ones. */
class TypedValuesTest {

    @Test
    void infersTheTypeFromTheValue() {
        assertThat(TypedValues.infer("true")).isEqualTo(ValueType.BOOLEAN);
        assertThat(TypedValues.infer("-7")).isEqualTo(ValueType.INT);
        assertThat(TypedValues.infer("12345678901")).isEqualTo(ValueType.LONG);
        assertThat(TypedValues.infer("2.5")).isEqualTo(ValueType.DOUBLE);
        assertThat(TypedValues.infer("1e3")).isEqualTo(ValueType.DOUBLE);
        assertThat(TypedValues.infer("#ff8000")).isEqualTo(ValueType.COLOR);
        assertThat(TypedValues.infer("2026-12-05T10:00:00Z")).isEqualTo(ValueType.DATE_TIME);
        assertThat(TypedValues.infer("2026-12-05")).isEqualTo(ValueType.DATE);
        assertThat(TypedValues.infer("PT5M")).isEqualTo(ValueType.DURATION);
        assertThat(TypedValues.infer("porch light")).isEqualTo(ValueType.STRING);
    }

    @Test
    void aGivenTypeWinsAndAColonThatIsNoTypeStaysInTheName() {
        assertThat(TypedValues.Name.parse("Mode:string"))
                .isEqualTo(new TypedValues.Name("Mode", Optional.of(ValueType.STRING)));
        assertThat(TypedValues.typed(TypedValues.Name.parse("Mode:string"), "1").type())
                .isEqualTo(ValueType.STRING);
        assertThat(TypedValues.Name.parse("a:b:7").name()).isEqualTo("a:b:7");
        assertThat(TypedValues.typed(TypedValues.Name.parse("Colour"), "#ff8000")
                        .lexical())
                .isEqualToIgnoringCase("ff8000");
        assertThatThrownBy(() -> TypedValues.Name.parse("Count:integer"))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("unknown type 'integer'");
        assertThatThrownBy(() -> TypedValues.typed(TypedValues.Name.parse("Count:int"), "many"))
                .isInstanceOf(CliException.class)
                .hasMessage("'many' is not a valid int for Count");
    }
}

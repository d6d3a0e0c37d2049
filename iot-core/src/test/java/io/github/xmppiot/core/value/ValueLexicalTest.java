package io.github.xmppiot.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Lexical rules the XEPs and CHECKLIST §14 call out. */
class ValueLexicalTest {

    @Test
    void numericTenAndTenPointZeroAreDifferentValues() {
        assertThat(NumericValue.of("10", "°C")).isNotEqualTo(NumericValue.of("10.0", "°C"));
        assertThat(NumericValue.of("10.0", "°C").decimals()).isEqualTo(1);
        assertThat(NumericValue.of("23.40", "").lexical()).isEqualTo("23.40");
    }

    @Test
    void numericAcceptsXsDoubleSpellingsButNotJavaOnes() {
        assertThat(NumericValue.of("-1.5E3", "W").isFinite()).isTrue();
        assertThat(NumericValue.of("INF", "W").isFinite()).isFalse();
        assertThatThrownBy(() -> NumericValue.of("Infinity", "W")).hasMessageContaining("xs:double");
        assertThatThrownBy(() -> NumericValue.of("1d", "W")).hasMessageContaining("xs:double");
    }

    @Test
    void booleanAcceptsOneAndZeroAndEmitsWords() {
        assertThat(BooleanValue.parse("1")).isEqualTo(BooleanValue.TRUE);
        assertThat(BooleanValue.parse(" 0 ")).isEqualTo(BooleanValue.FALSE);
        assertThat(BooleanValue.parse("1").lexical()).isEqualTo("true");
        assertThatThrownBy(() -> BooleanValue.parse("yes")).hasMessageContaining("xs:boolean");
    }

    @Test
    void intRejectsOverflowAndLongAcceptsIt() {
        assertThatThrownBy(() -> IntValue.parse("2147483648")).hasMessageContaining("out of range");
        assertThat(LongValue.parse("2147483648").value()).isEqualTo(2147483648L);
    }

    @Test
    void integersAreAsciiDigitsWithAnOptionalSign() {
        assertThat(IntValue.parse("+5").value()).isEqualTo(5);
        assertThat(IntValue.parse(" -0 ").value()).isZero();
        for (String bad : new String[] {"", "+", "-", "1.0", "1e3", "0x10", "\uFF11", "1 2", "--1"}) {
            assertThatThrownBy(() -> IntValue.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("xs:int");
        }
    }

    @Test
    void datesAndTimesAreCheckedStrictly() {
        assertThat(DateValue.parse("2024-02-29Z").lexical()).isEqualTo("2024-02-29Z");
        assertThat(TimeValue.parse("23:59:59.123456789-00:30").lexical()).isEqualTo("23:59:59.123456789-00:30");
        assertThat(TimeValue.parse("08:05:00.5").time().getNano()).isEqualTo(500_000_000);
        for (String bad : new String[] {
            "2023-02-29",
            "2023-13-01",
            "2023-1-01",
            "20230101",
            "2023-01-01+1:00",
            "2023-01-01+18:30",
            "\uFF12023-01-01",
            "2023-01-01T"
        }) {
            assertThatThrownBy(() -> DateValue.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("xs:date");
        }
        for (String bad : new String[] {
            "24:00:00",
            "12:60:00",
            "12:00:00.",
            "12:00:00.1234567890",
            "12:00",
            "12:00:00+05",
            "12:00:00+05:0x",
            "12:00:00ZZ",
            "12:00:00.1Z5",
            "1a:00:00"
        }) {
            assertThatThrownBy(() -> TimeValue.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("xs:time");
        }
        assertThatThrownBy(() -> DateTimeValue.parse("2013-03-07T25:00:00")).hasMessageContaining("xs:time");
    }

    @Test
    void dateTimeWithoutZoneStaysWithoutZone() {
        DateTimeValue v = DateTimeValue.parse("2013-03-07T16:24:30");
        assertThat(v.zone()).isNull();
        assertThat(v.lexical()).isEqualTo("2013-03-07T16:24:30");
        assertThat(DateTimeValue.parse("2013-03-07T16:24:30.5+01:00").lexical())
                .isEqualTo("2013-03-07T16:24:30.5+01:00");
        assertThat(DateTimeValue.parse("2013-03-07T16:24:30+00:00").zone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void colorIsCaseInsensitiveOnInputAndUpperCaseOnOutput() {
        assertThat(ColorValue.parse("3399ff").lexical()).isEqualTo("3399FF");
        assertThat(ColorValue.parse("3399ff80").alpha()).isEqualTo(0x80);
        assertThatThrownBy(() -> ColorValue.parse("^3399FF$")).hasMessageContaining("RRGGBB");
        assertThatThrownBy(() -> ColorValue.parse("3399F")).hasMessageContaining("RRGGBB");
    }

    @Test
    void durationKeepsYearsAndMonths() {
        DurationValue d = DurationValue.parse("P1Y2M3DT4H5M6.7S");
        assertThat(d.duration().getYears()).isEqualTo(1);
        assertThat(d.duration().getMonths()).isEqualTo(2);
        assertThatThrownBy(() -> DurationValue.parse("1 hour")).hasMessageContaining("xs:duration");
    }

    @Test
    void stringRejectsCharactersXmlCannotCarry() {
        assertThatThrownBy(() -> new StringValue("a\u0001b")).hasMessageContaining("XML cannot carry");
        assertThat(new StringValue("emoji \uD83D\uDE00 ok").value()).contains("\uD83D\uDE00");
        assertThatThrownBy(() -> new StringValue("lone \uD83D surrogate")).hasMessageContaining("XML cannot carry");
    }

    @Test
    void smacksBoolElementIsAnAliasOfBoolean() {
        assertThat(ValueType.fromElementName("bool")).contains(ValueType.BOOLEAN);
        assertThat(ValueType.fromElementName("numeric")).contains(ValueType.NUMERIC);
        assertThat(ValueType.fromElementName("decimal")).isEmpty();
        assertThat(ValueType.COLOR.isFieldType()).isFalse();
        assertThat(ValueType.NUMERIC.isControlType()).isFalse();
    }
}

package io.github.xmppiot.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The lexical helpers behind every value type: XML 1.0 characters, four-digit years, zone suffixes, error text. */
class ValuesTest {

    @Test
    void xmlTextAcceptsExactlyTheXmlCharacters() {
        for (String ok : new String[] {"\t\n\r", " ", "\uD7FF", "\uE000", "\uFFFD", "a\uD83D\uDE00b", ""}) {
            assertThat(Values.xmlText(ok, "text")).isEqualTo(ok);
        }
        for (String bad : new String[] {"\u001F", "\u0000", "\uD800", "\uDC00", "\uFFFE", "\uFFFF", "a\uD83D"}) {
            assertThatThrownBy(() -> Values.xmlText(bad, "text"))
                    .as("U+%04X", (int) bad.charAt(bad.length() - 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Values.xmlText(null, "unit")).hasMessage("unit is missing");
    }

    @Test
    void theErrorNamesTheIndexOfTheBadCharacter() {
        assertThatThrownBy(() -> Values.xmlText("ab\u0001", "name"))
                .hasMessage("name contains a character XML cannot carry at index 2");
        assertThatThrownBy(() -> Values.xmlText("\uD83D\uDE00\u0001", "name"))
                .hasMessage("name contains a character XML cannot carry at index 2");
        assertThatThrownBy(() -> Values.xmlText("\uD83Dx", "name"))
                .hasMessage("name contains a character XML cannot carry at index 1");
    }

    @Test
    void yearsHaveFourDigits() {
        assertThat(DateValue.of(LocalDate.of(0, 1, 2)).lexical()).isEqualTo("0000-01-02");
        assertThat(DateValue.of(LocalDate.of(9, 10, 11)).lexical()).isEqualTo("0009-10-11");
        assertThat(DateValue.of(LocalDate.of(10, 1, 1)).lexical()).isEqualTo("0010-01-01");
        assertThat(DateValue.of(LocalDate.of(99, 1, 1)).lexical()).isEqualTo("0099-01-01");
        assertThat(DateValue.of(LocalDate.of(100, 1, 1)).lexical()).isEqualTo("0100-01-01");
        assertThat(DateValue.of(LocalDate.of(999, 1, 1)).lexical()).isEqualTo("0999-01-01");
        assertThat(DateValue.of(LocalDate.of(1000, 12, 31)).lexical()).isEqualTo("1000-12-31");
        assertThat(DateValue.of(LocalDate.of(9999, 12, 31)).lexical()).isEqualTo("9999-12-31");
        assertThatThrownBy(() -> DateValue.of(LocalDate.of(10000, 1, 1)).lexical())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("year outside 0000..9999 is not supported");
        assertThatThrownBy(() -> DateValue.of(LocalDate.of(-1, 1, 1)).lexical())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zoneSuffixesKeepHoursMinutesAndSign() {
        assertThat(TimeValue.parse("10:00:00+05:30").zone()).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
        assertThat(TimeValue.parse("10:00:00-09:45").zone()).isEqualTo(ZoneOffset.ofHoursMinutes(-9, -45));
        assertThat(DateValue.parse("2026-12-05-01:15").zone()).isEqualTo(ZoneOffset.ofHoursMinutes(-1, -15));
        assertThat(DateTimeValue.parse("2026-12-05T10:00:00+14:00").zone()).isEqualTo(ZoneOffset.ofHours(14));
        assertThat(TimeValue.parse("10:00:00Z").zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(TimeValue.parse("10:00:00").zone()).isNull();
        assertThatThrownBy(() -> TimeValue.parse("10:00:00+5:300")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void errorsShowAtMostFortyCharactersOfTheInput() {
        String forty = "x".repeat(40);
        assertThatThrownBy(() -> IntValue.parse(forty)).hasMessage("not an xs:int: '" + forty + "'");
        String long41 = "y".repeat(41);
        assertThatThrownBy(() -> IntValue.parse(long41))
                .hasMessage("not an xs:int: '" + "y".repeat(40) + "…(41 chars)'");
    }
}

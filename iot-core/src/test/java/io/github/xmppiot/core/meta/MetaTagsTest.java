package io.github.xmppiot.core.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The XEP-0347 §5.2 limits on meta tag names and values. */
class MetaTagsTest {

    @Test
    void aNameOfThirtyTwoCharactersIsTheLongest() {
        assertThat(MetaTags.checkName("N".repeat(32))).isEqualTo("N".repeat(32));
        assertThatThrownBy(() -> MetaTags.checkName("N".repeat(33)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("meta tag name longer than 32 characters (33)");
    }

    @Test
    void theNameLengthCountsCodePoints() {
        String emoji = "\uD83D\uDE00"; // one code point, two chars
        assertThat(MetaTags.checkName(emoji.repeat(32))).hasSize(64);
    }

    @Test
    void aNameMustBePresent() {
        assertThatThrownBy(() -> MetaTags.checkName(null)).hasMessage("meta tag name is missing");
        assertThatThrownBy(() -> MetaTags.checkName("")).hasMessage("meta tag name is missing");
    }

    @Test
    void aNameHasNoColonHashOrWhiteSpace() {
        for (String bad : List.of("a:b", "a#b", "a b", "a\tb", "a\u00a0b", ":", "#")) {
            assertThatThrownBy(() -> MetaTags.checkName(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("':', '#' or white space");
        }
        assertThat(MetaTags.checkName("a-b_c.d")).isEqualTo("a-b_c.d");
    }

    @Test
    void aNameXmlCannotCarryIsRefused() {
        assertThatThrownBy(() -> MetaTags.checkName("a\u0001b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStringValueOfOneHundredTwentyEightCharactersIsTheLongest() {
        assertThat(MetaTags.checkStringValue("")).isEmpty();
        assertThat(MetaTags.checkStringValue("v".repeat(128))).hasSize(128);
        assertThatThrownBy(() -> MetaTags.checkStringValue("v".repeat(129)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("meta tag value longer than 128 characters (129)");
        String emoji = "\uD83D\uDE00";
        assertThat(MetaTags.checkStringValue(emoji.repeat(128))).hasSize(256);
    }

    @Test
    void aNumberIsAnXsDoubleOtherThanNaN() {
        assertThat(MetaTags.checkNumber(" 1.20 ", "v")).isEqualTo("1.20");
        assertThat(MetaTags.checkNumber("INF", "v")).isEqualTo("INF");
        assertThatThrownBy(() -> MetaTags.checkNumber("NaN", "value of LAT"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value of LAT: NaN is not comparable");
        assertThatThrownBy(() -> MetaTags.checkNumber("twelve", "value of LAT"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("value of LAT: ")
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void predefinedTagsAreRecognisedInAnyCase() {
        assertThat(MetaTags.isPredefinedNumeric("lat")).isTrue();
        assertThat(MetaTags.isPredefinedNumeric("V")).isTrue();
        assertThat(MetaTags.isPredefinedNumeric("ROOM")).isFalse();
        assertThat(MetaTags.isPredefinedString("room")).isTrue();
        assertThat(MetaTags.isPredefinedString("Key")).isTrue();
        assertThat(MetaTags.isPredefinedString("ALT")).isFalse();
        assertThat(MetaTags.PREDEFINED_NUMERIC).hasSize(4);
        assertThat(MetaTags.PREDEFINED_STRING).hasSize(18).doesNotContainAnyElementsOf(MetaTags.PREDEFINED_NUMERIC);
    }

    @Test
    void namesAreUniqueWithoutRegardToCase() {
        List<MetaTag> tags = List.of(MetaTag.str("room", "1"), MetaTag.num("alt", "2"));
        assertThat(MetaTags.checkUnique(tags)).containsExactlyElementsOf(tags);
        assertThatThrownBy(() -> MetaTags.checkUnique(List.of(MetaTag.str("room", "1"), MetaTag.str("ROOM", "2"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("meta tag ROOM given twice");
    }

    @Test
    void searchesNeverSeeTheKeyTag() {
        MetaTag key = MetaTag.str("key", "secret");
        MetaTag room = MetaTag.str("ROOM", "kitchen");
        MetaTag alt = NumericTag.of("ALT", 12.5);
        assertThat(key.isKey()).isTrue();
        assertThat(room.isKey()).isFalse();
        assertThat(MetaTags.withoutKey(List.of(room, key, alt))).containsExactly(room, alt);
        assertThat(MetaTags.withoutKey(List.of())).isEmpty();
    }

    @Test
    void tagsKeepTheirLexicalValueAndCompareByUpperCaseKey() {
        StringTag s = MetaTag.str("Room", "kitchen");
        assertThat(s.key()).isEqualTo("ROOM");
        assertThat(s.lexicalValue()).isEqualTo("kitchen");
        NumericTag n = MetaTag.num("alt", " 1.20 ");
        assertThat(n.lexicalValue()).isEqualTo("1.20");
        assertThat(n.doubleValue()).isEqualTo(1.2);
        assertThat(MetaTag.num("alt", "-0").doubleValue()).isEqualTo(0.0);
        assertThat(Double.doubleToRawLongBits(MetaTag.num("alt", "-0").doubleValue()))
                .isEqualTo(Double.doubleToRawLongBits(0.0));
        assertThat(MetaTag.num("alt", "-INF").doubleValue()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void aPredefinedTagKeepsItsKind() {
        assertThatThrownBy(() -> MetaTag.str("lat", "north"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("meta tag lat is predefined as numeric");
        assertThatThrownBy(() -> MetaTag.num("SN", "12"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("meta tag SN is predefined as a string");
        assertThat(MetaTag.num("CUSTOM", "12").doubleValue()).isEqualTo(12.0);
        assertThat(MetaTag.str("CUSTOM", "x").value()).isEqualTo("x");
    }
}

package io.github.xmppiot.core.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** XEP-0323 §3.5 localization attributes ({@code module}, {@code stringIds}). */
class LocalizationTest {

    @Test
    void noneIsEmptyAndEitherAttributeMakesItNonEmpty() {
        assertThat(Localization.NONE.isEmpty()).isTrue();
        assertThat(new Localization("m", null).isEmpty()).isFalse();
        assertThat(new Localization(null, "1,2").isEmpty()).isFalse();
    }

    @Test
    void theAttributesMustBeXmlText() {
        assertThatThrownBy(() -> new Localization("a\u0000", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Localization(null, "a\u0000")).isInstanceOf(IllegalArgumentException.class);
    }
}

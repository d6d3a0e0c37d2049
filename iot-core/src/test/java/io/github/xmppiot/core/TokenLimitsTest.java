package io.github.xmppiot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 15 item 4: a request carries a bounded number of bounded tokens (XEP-0324 §3.6). */
class TokenLimitsTest {

    private static String many(int count, String prefix) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append(prefix).append(i).append(' ');
        }
        return sb.toString();
    }

    @Test
    void fortyThousandTokensAreRefused() {
        String attribute = many(40_000, "t");
        assertThatThrownBy(() -> Tokens.fromAttributes(attribute, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 16 tokens");
    }

    @Test
    void theCountSpansTheThreeAttributes() {
        assertThat(Tokens.fromAttributes(many(6, "s"), many(5, "d"), many(5, "u"))
                        .userTokens())
                .hasSize(5);
        assertThatThrownBy(() -> Tokens.fromAttributes(many(6, "s"), many(6, "d"), many(5, "u")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLongTokenIsRefused() {
        assertThat(Tokens.fromAttributes("x".repeat(128), null, null).serviceTokens())
                .hasSize(1);
        assertThatThrownBy(() -> Tokens.fromAttributes("x".repeat(129), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than 128");
    }

    @Test
    void limitsAreConfigurable() {
        TokenLimits two = new TokenLimits(2, 4);
        assertThat(Tokens.fromAttributes(" ab  cd ", null, null, two).serviceTokens())
                .containsExactly("ab", "cd");
        assertThatThrownBy(() -> Tokens.fromAttributes("ab", "cd", "ef", two))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenLimits(0, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TokenLimits.current()).isEqualTo(TokenLimits.DEFAULT);
    }

    @Test
    void whiteSpaceStillSeparates() {
        assertThat(Tokens.fromAttributes("a\tb\nc", "  ", null).serviceTokens()).isEqualTo(List.of("a", "b", "c"));
        assertThat(Tokens.fromAttributes("", " ", null)).isSameAs(Tokens.NONE);
    }

    @Test
    void theLimitsInForceCanBeChangedForTheJvm() {
        TokenLimits before = TokenLimits.current();
        try {
            TokenLimits.setCurrent(new TokenLimits(1, 1));
            assertThat(TokenLimits.current()).isEqualTo(new TokenLimits(1, 1));
            assertThat(Tokens.fromAttributes("a", null, null).serviceTokens()).containsExactly("a");
            assertThatThrownBy(() -> Tokens.fromAttributes("a", "b", null))
                    .hasMessage("more than 1 tokens in one request");
            assertThatThrownBy(() -> TokenLimits.setCurrent(null)).isInstanceOf(NullPointerException.class);
        } finally {
            TokenLimits.setCurrent(before);
        }
    }

    @Test
    void eachLimitIsAtLeastOne() {
        assertThat(new TokenLimits(1, 1).maxTokens()).isEqualTo(1);
        assertThatThrownBy(() -> new TokenLimits(1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("token limits must be at least 1, got 1 tokens of 0 characters");
        assertThatThrownBy(() -> new TokenLimits(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TokenLimits.DEFAULT).isEqualTo(new TokenLimits(16, 128));
    }
}

package io.github.xmppiot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three token attributes of XEP-0324 §3.6: space separated on the wire, lists in the API. */
class TokensTest {

    @Test
    void theWireFormJoinsWithOneSpaceAndIsAbsentWhenEmpty() {
        Tokens t = new Tokens(List.of("s1", "s2"), List.of("d1"), List.of());
        assertThat(t.serviceAttribute()).isEqualTo("s1 s2");
        assertThat(t.deviceAttribute()).isEqualTo("d1");
        assertThat(t.userAttribute()).isNull();
        assertThat(t.isEmpty()).isFalse();
        assertThat(Tokens.NONE.isEmpty()).isTrue();
        assertThat(Tokens.NONE.serviceAttribute()).isNull();
        assertThat(Tokens.NONE.deviceAttribute()).isNull();
    }

    @Test
    void anyOneKindMakesTheTokensNonEmpty() {
        assertThat(new Tokens(List.of("s"), List.of(), List.of()).isEmpty()).isFalse();
        assertThat(new Tokens(List.of(), List.of("d"), List.of()).isEmpty()).isFalse();
        assertThat(new Tokens(List.of(), List.of(), List.of("u")).isEmpty()).isFalse();
    }

    @Test
    void attributesParseIntoTheirOwnKind() {
        Tokens t = Tokens.fromAttributes("s1 s2", " d1", "u1 ");
        assertThat(t.serviceTokens()).containsExactly("s1", "s2");
        assertThat(t.deviceTokens()).containsExactly("d1");
        assertThat(t.userTokens()).containsExactly("u1");
        assertThat(Tokens.fromAttributes(t.serviceAttribute(), t.deviceAttribute(), t.userAttribute()))
                .isEqualTo(t);
        assertThat(Tokens.fromAttributes(null, null, null)).isSameAs(Tokens.NONE);
    }

    @Test
    void theLimitsAreExactBounds() {
        TokenLimits limits = new TokenLimits(3, 2);
        assertThat(Tokens.fromAttributes("ab", "cd", "ef", limits).userTokens()).containsExactly("ef");
        assertThatThrownBy(() -> Tokens.fromAttributes("ab cd", "ef", "gh", limits))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("more than 3 tokens in one request");
        assertThat(Tokens.fromAttributes("ab", null, null, limits).serviceTokens())
                .containsExactly("ab");
        assertThatThrownBy(() -> Tokens.fromAttributes("abc", null, null, limits))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a token is longer than 2 characters");
    }

    @Test
    void aTokenIsNonEmptyWithoutWhiteSpace() {
        assertThatThrownBy(() -> new Tokens(List.of("a b"), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a b'");
        assertThatThrownBy(() -> new Tokens(List.of(), List.of(""), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tokens(List.of(), List.of(), Arrays.asList((String) null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tokens(null, List.of(), List.of())).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theListsAreCopies() {
        List<String> service = new ArrayList<>(List.of("s"));
        Tokens t = new Tokens(service, List.of(), List.of());
        service.add("t");
        assertThat(t.serviceTokens()).containsExactly("s");
    }
}

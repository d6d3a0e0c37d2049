package io.github.xmppiot.sensordata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.core.value.DateTimeValue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a read-out request asks for (XEP-0323 §3.3 categories, §3.4 from/to/when, §3.5 nodes and fields). */
class ReadoutRequestTest {

    private static final DateTimeValue T1 = DateTimeValue.parse("2026-12-05T01:00:00Z");
    private static final DateTimeValue T2 = DateTimeValue.parse("2026-12-05T02:00:00Z");

    @Test
    void eachCategoryShortcutAsksForItsCategory() {
        assertThat(ReadoutRequest.builder().status().build().effectiveCategories())
                .containsExactly(FieldCategory.STATUS);
        assertThat(ReadoutRequest.builder().computed().build().effectiveCategories())
                .containsExactly(FieldCategory.COMPUTED);
        assertThat(ReadoutRequest.builder().peak().identity().build().effectiveCategories())
                .containsExactlyInAnyOrder(FieldCategory.PEAK, FieldCategory.IDENTITY);
    }

    @Test
    void noCategoryMeansAllAndHistoricalAddsTheNine() {
        assertThat(ReadoutRequest.builder().build().effectiveCategories()).isEqualTo(FieldCategory.ALL);
        assertThat(ReadoutRequest.builder().momentary().all().build().effectiveCategories())
                .isEqualTo(FieldCategory.ALL);
        assertThat(ReadoutRequest.builder().momentary().historical().build().effectiveCategories())
                .hasSize(10)
                .contains(FieldCategory.MOMENTARY)
                .containsAll(FieldCategory.HISTORICAL);
        assertThat(ReadoutRequest.builder().historical().build().effectiveCategories())
                .isEqualTo(FieldCategory.HISTORICAL);
    }

    @Test
    void theScopeCarriesCategoriesFieldsAndWindow() {
        ReadoutRequest r = ReadoutRequest.builder()
                .momentary()
                .fields("a", "b")
                .from(T1)
                .to(T2)
                .build();
        assertThat(r.from()).contains(T1);
        assertThat(r.to()).contains(T2);
        assertThat(r.toScope().from()).isEqualTo(T1);
        assertThat(r.toScope().to()).isEqualTo(T2);
        assertThat(r.toScope().fieldNames()).containsExactlyInAnyOrder("a", "b");
        assertThat(r.toScope().categories()).containsExactly(FieldCategory.MOMENTARY);
    }

    @Test
    void fromMayEqualToButNotFollowIt() {
        assertThat(ReadoutRequest.builder().from(T1).to(T1).build().to()).contains(T1);
        assertThatThrownBy(() -> ReadoutRequest.builder().from(T2).to(T1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("from (2026-12-05T02:00:00Z) is after to (2026-12-05T01:00:00Z)");
    }

    @Test
    void aTimeoutIsPositive() {
        assertThat(ReadoutRequest.builder()
                        .timeout(Duration.ofMillis(1))
                        .build()
                        .timeout())
                .contains(Duration.ofMillis(1));
        assertThat(ReadoutRequest.builder().timeout(null).build().timeout()).isEmpty();
        assertThatThrownBy(() -> ReadoutRequest.builder().timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout must be positive");
        assertThatThrownBy(() -> ReadoutRequest.builder().timeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tokensDefaultToNone() {
        Tokens t = new Tokens(List.of("s"), List.of(), List.of());
        assertThat(ReadoutRequest.builder().tokens(t).build().tokens()).isEqualTo(t);
        assertThat(ReadoutRequest.builder().tokens(null).build().tokens()).isSameAs(Tokens.NONE);
        assertThat(ReadoutRequest.builder().build().tokens()).isSameAs(Tokens.NONE);
    }

    @Test
    void equalRequestsAreEqualInEveryPart() {
        ReadoutRequest a = full().build();
        ReadoutRequest b = full().build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(full().peak().build());
        assertThat(a).isNotEqualTo(full().all().build());
        assertThat(a).isNotEqualTo(full().historical().build());
        assertThat(a).isNotEqualTo(full().nodes("other").build());
        assertThat(a).isNotEqualTo(full().fields("other").build());
        assertThat(a)
                .isNotEqualTo(
                        full().from(DateTimeValue.parse("2026-12-05T00:00:00Z")).build());
        assertThat(a)
                .isNotEqualTo(
                        full().to(DateTimeValue.parse("2026-12-05T03:00:00Z")).build());
        assertThat(a).isNotEqualTo(full().when(T2).build());
        assertThat(a).isNotEqualTo(full().tokens(Tokens.NONE).build());
        assertThat(a).isNotEqualTo(full().timeout(Duration.ofSeconds(9)).build());
        assertThat(a).isNotEqualTo("a request");
    }

    @Test
    void toStringShowsWhatIsAsked() {
        assertThat(full().build().toString())
                .startsWith("ReadoutRequest[categories=[MOMENTARY], nodes=[N@S], fields=[a], from=" + T1 + ", to=" + T2)
                .endsWith(", when=" + T1 + "]");
        assertThat(ReadoutRequest.builder().all().build().toString()).startsWith("ReadoutRequest[categories=all,");
        assertThat(ReadoutRequest.builder().historical().build().toString())
                .startsWith("ReadoutRequest[categories=[]+historical,");
    }

    private static ReadoutRequestBuilder full() {
        return ReadoutRequest.builder()
                .momentary()
                .nodes(NodeRef.of("N", "S"))
                .fields("a")
                .from(T1)
                .to(T2)
                .when(T1)
                .tokens(new Tokens(List.of("s"), List.of(), List.of()))
                .timeout(Duration.ofSeconds(5));
    }
}

package io.github.xmppiot.sensordata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.core.thing.ReadScope;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.value.IntValue;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which fields and nodes a read-out request selects (XEP-0323 §3.3 categories and fields, §3.4 from/to, §3.5 nodes). */
class ReadoutFilterTest {

    private static final DateTimeValue T1 = DateTimeValue.parse("2026-12-05T01:00:00Z");
    private static final DateTimeValue T2 = DateTimeValue.parse("2026-12-05T02:00:00Z");
    private static final DateTimeValue T3 = DateTimeValue.parse("2026-12-05T03:00:00Z");

    private static Field field(String name, FieldCategory... categories) {
        return Field.builder(name, new IntValue(1)).categories(categories).build();
    }

    private static ReadScope scope(
            Set<FieldCategory> categories, Set<String> names, DateTimeValue from, DateTimeValue to) {
        return new ReadScope(categories, names, from, to);
    }

    @Test
    void aFieldIsSelectedByItsCategories() {
        ReadScope momentary = scope(EnumSet.of(FieldCategory.MOMENTARY), Set.of(), null, null);
        assertThat(ReadoutFilter.matches(momentary, T1, field("t", FieldCategory.MOMENTARY)))
                .isTrue();
        assertThat(ReadoutFilter.matches(momentary, T1, field("t", FieldCategory.PEAK)))
                .isFalse();
        assertThat(ReadoutFilter.matches(momentary, T1, field("t", FieldCategory.PEAK, FieldCategory.MOMENTARY)))
                .isTrue();
    }

    @Test
    void aFieldWithoutCategoriesIsInEveryScope() {
        Field none = new Field("t", new IntValue(1), Set.of(), Set.of(), null, null);
        ReadScope peak = scope(EnumSet.of(FieldCategory.PEAK), Set.of(), T2, T2);
        assertThat(ReadoutFilter.matches(peak, T1, none)).isTrue();
    }

    @Test
    void aFieldIsSelectedByName() {
        ReadScope named = scope(Set.of(), Set.of("temperature"), null, null);
        assertThat(ReadoutFilter.matches(named, T1, field("temperature", FieldCategory.MOMENTARY)))
                .isTrue();
        assertThat(ReadoutFilter.matches(named, T1, field("humidity", FieldCategory.MOMENTARY)))
                .isFalse();
    }

    @Test
    void aHistoricalFieldMustLieBetweenFromAndToInclusive() {
        Field hourly = field("energy", FieldCategory.HISTORICAL_HOUR);
        ReadScope window = scope(Set.of(), Set.of(), T2, T3);
        assertThat(ReadoutFilter.matches(window, T1, hourly)).isFalse();
        assertThat(ReadoutFilter.matches(window, T2, hourly)).isTrue();
        assertThat(ReadoutFilter.matches(window, T3, hourly)).isTrue();
        assertThat(ReadoutFilter.matches(window, DateTimeValue.parse("2026-12-05T03:00:01Z"), hourly))
                .isFalse();
        ReadScope fromOnly = scope(Set.of(), Set.of(), T2, null);
        assertThat(ReadoutFilter.matches(fromOnly, T1, hourly)).isFalse();
        assertThat(ReadoutFilter.matches(fromOnly, T3, hourly)).isTrue();
        ReadScope toOnly = scope(Set.of(), Set.of(), null, T2);
        assertThat(ReadoutFilter.matches(toOnly, T1, hourly)).isTrue();
        assertThat(ReadoutFilter.matches(toOnly, T3, hourly)).isFalse();
    }

    @Test
    void theWindowDoesNotApplyToAFieldThatIsAlsoMomentary() {
        Field both = field("energy", FieldCategory.HISTORICAL_HOUR, FieldCategory.MOMENTARY);
        ReadScope window = scope(Set.of(), Set.of(), T2, T3);
        assertThat(ReadoutFilter.matches(window, T1, both)).isTrue();
    }

    @Test
    void nodesAreSelectedByReference() {
        NodeRef n1 = NodeRef.of("n1", "s");
        assertThat(ReadoutFilter.nodeMatches(List.of(), n1)).isTrue();
        assertThat(ReadoutFilter.nodeMatches(List.of(), null)).isTrue();
        assertThat(ReadoutFilter.nodeMatches(List.of(NodeRef.of("n1")), null)).isFalse();
        assertThat(ReadoutFilter.nodeMatches(List.of(NodeRef.of("n2"), NodeRef.of("n1")), n1))
                .isTrue();
        assertThat(ReadoutFilter.nodeMatches(List.of(NodeRef.of("n2")), n1)).isFalse();
    }
}

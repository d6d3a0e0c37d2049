package io.github.xmppiot.sensordata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.field.TimedField;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.sensordata.element.Failure;
import io.github.xmppiot.sensordata.element.FailureError;
import io.github.xmppiot.sensordata.element.Fields;
import io.github.xmppiot.sensordata.element.NodeFields;
import io.github.xmppiot.sensordata.element.TimestampFields;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Splitting a node's values, or a read-out's errors, into messages (XEP-0323 §3: any number of {@code fields} and
 * {@code failure} messages) loses nothing, keeps the order, respects the count limit and fills each message before
 * starting the next.
 */
class MessageSplitterProperties {

    private static final NodeRef NODE = NodeRef.of("N", "S");
    private static final int UNLIMITED_CHARS = 100_000_000;

    @Property(tries = 200)
    void fieldsAreKeptInOrderUnderTheirTimestamps(
            @ForAll("values") List<TimedField> values,
            @ForAll @IntRange(min = 1, max = 12) int maxFields,
            @ForAll @IntRange(min = 0, max = 3000) int maxChars) {
        List<Fields> out = new MessageSplitter(7, maxFields, maxChars).fields(NODE, values);
        List<TimedField> back = new ArrayList<>();
        for (Fields f : out) {
            assertThat(f.seqnr()).isEqualTo(7);
            assertThat(f.done()).isFalse();
            assertThat(f.fieldCount()).isBetween(1, maxFields);
            assertThat(f.nodes()).singleElement().extracting(NodeFields::node).isEqualTo(NODE);
            DateTimeValue previous = null;
            for (TimestampFields t : f.nodes().get(0).timestamps()) {
                assertThat(t.timestamp())
                        .as("one group per run of equal timestamps")
                        .isNotEqualTo(previous);
                assertThat(t.fields()).isNotEmpty();
                previous = t.timestamp();
                t.fields().forEach(field -> back.add(new TimedField(t.timestamp(), field)));
            }
        }
        assertThat(back).isEqualTo(values);
    }

    @Property(tries = 200)
    void withoutACharacterLimitEveryMessageButTheLastIsFull(
            @ForAll("values") List<TimedField> values, @ForAll @IntRange(min = 1, max = 12) int maxFields) {
        List<Fields> out = new MessageSplitter(1, maxFields, UNLIMITED_CHARS).fields(NODE, values);
        assertThat(out).hasSize((values.size() + maxFields - 1) / maxFields);
        for (int i = 0; i < out.size() - 1; i++) {
            assertThat(out.get(i).fieldCount()).isEqualTo(maxFields);
        }
    }

    @Property(tries = 200)
    void aCharacterLimitStartsNewMessagesSooner(@ForAll("values") List<TimedField> values) {
        int unlimited = new MessageSplitter(1, 1000, UNLIMITED_CHARS)
                .fields(NODE, values)
                .size();
        List<Fields> tight = new MessageSplitter(1, 1000, 0).fields(NODE, values);
        assertThat(unlimited).isEqualTo(values.isEmpty() ? 0 : 1);
        assertThat(tight)
                .hasSize(values.size())
                .allSatisfy(f -> assertThat(f.fieldCount()).isEqualTo(1));
    }

    @Property(tries = 200)
    void failuresAreKeptInOrderAndBounded(
            @ForAll("errors") List<FailureError> errors,
            @ForAll @IntRange(min = 1, max = 12) int maxErrors,
            @ForAll @IntRange(min = 0, max = 3000) int maxChars) {
        List<Failure> out = new MessageSplitter(3, maxErrors, maxChars).failures(errors);
        List<FailureError> back = new ArrayList<>();
        for (Failure f : out) {
            assertThat(f.seqnr()).isEqualTo(3);
            assertThat(f.done()).isFalse();
            assertThat(f.errors()).hasSizeBetween(1, maxErrors);
            if (f.errors().size() > 1) {
                assertThat(f.toXML().length()).isLessThanOrEqualTo(maxChars);
            }
            back.addAll(f.errors());
        }
        assertThat(back).isEqualTo(errors);
    }

    @Property(tries = 200)
    void withoutACharacterLimitEveryFailureButTheLastIsFull(
            @ForAll("errors") List<FailureError> errors, @ForAll @IntRange(min = 1, max = 12) int maxErrors) {
        List<Failure> out = new MessageSplitter(1, maxErrors, UNLIMITED_CHARS).failures(errors);
        assertThat(out).hasSize((errors.size() + maxErrors - 1) / maxErrors);
        for (int i = 0; i < out.size() - 1; i++) {
            assertThat(out.get(i).errors()).hasSize(maxErrors);
        }
        assertThat(new MessageSplitter(1, 1000, 0).failures(errors)).hasSize(errors.size());
    }

    @Provide
    Arbitrary<List<TimedField>> values() {
        Arbitrary<DateTimeValue> ts = Arbitraries.of(
                DateTimeValue.parse("2026-12-05T01:00:00Z"),
                DateTimeValue.parse("2026-12-05T02:00:00Z"),
                DateTimeValue.parse("2026-12-05T03:00:00Z"));
        Arbitrary<Field> field = Combinators.combine(
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(40), Arbitraries.integers())
                .as((name, v) -> Field.momentary(name, new IntValue(v)));
        return Combinators.combine(ts, field).as(TimedField::new).list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<FailureError>> errors() {
        return Arbitraries.strings()
                .alpha()
                .ofMinLength(1)
                .ofMaxLength(200)
                .map(text -> FailureError.of(NODE, DateTimeValue.parse("2026-12-05T01:00:00Z"), text))
                .list()
                .ofMaxSize(30);
    }
}

package io.github.xmppiot.core.thing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.value.DateValue;
import io.github.xmppiot.core.value.DoubleValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.LongValue;
import io.github.xmppiot.core.value.StringValue;
import io.github.xmppiot.core.value.TimeValue;
import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.value.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A XEP-0325 §3.2 control parameter: its declared range, options and length, and how a value is applied. */
class ControlParameterTest {

    private static ControlParameter ranged(ValueType type, Value min, Value max) {
        return ControlParameter.builder("p", type)
                .range(min, max)
                .onSet(v -> {})
                .build();
    }

    /** The bounds are inclusive, for every ordered type. */
    private static void checkRange(ValueType type, Value below, Value min, Value inside, Value max, Value above) {
        ControlParameter p = ranged(type, min, max);
        assertThat(p.validate(below)).as(type + " below").contains("below the minimum " + min.lexical());
        assertThat(p.validate(min)).as(type + " at min").isEmpty();
        assertThat(p.validate(inside)).as(type + " inside").isEmpty();
        assertThat(p.validate(max)).as(type + " at max").isEmpty();
        assertThat(p.validate(above)).as(type + " above").contains("above the maximum " + max.lexical());
    }

    @Test
    void theRangeIsInclusiveForEveryOrderedType() {
        checkRange(
                ValueType.INT, new IntValue(-1), new IntValue(0), new IntValue(5), new IntValue(10), new IntValue(11));
        checkRange(
                ValueType.LONG,
                new LongValue(4_999_999_999L),
                new LongValue(5_000_000_000L),
                new LongValue(5_000_000_001L),
                new LongValue(6_000_000_000L),
                new LongValue(6_000_000_001L));
        checkRange(
                ValueType.DOUBLE,
                new DoubleValue(-0.5),
                new DoubleValue(0.0),
                new DoubleValue(0.25),
                new DoubleValue(1.0),
                new DoubleValue(1.5));
        checkRange(
                ValueType.DATE,
                DateValue.parse("2026-01-01"),
                DateValue.parse("2026-01-02"),
                DateValue.parse("2026-06-01"),
                DateValue.parse("2026-12-31"),
                DateValue.parse("2027-01-01"));
        checkRange(
                ValueType.TIME,
                TimeValue.parse("07:59:59"),
                TimeValue.parse("08:00:00"),
                TimeValue.parse("12:00:00"),
                TimeValue.parse("18:00:00"),
                TimeValue.parse("18:00:01"));
        checkRange(
                ValueType.DATE_TIME,
                DateTimeValue.parse("2026-01-01T00:00:00Z"),
                DateTimeValue.parse("2026-01-01T00:00:01Z"),
                DateTimeValue.parse("2026-06-01T00:00:00Z"),
                DateTimeValue.parse("2026-12-31T00:00:00Z"),
                DateTimeValue.parse("2026-12-31T00:00:01Z"));
    }

    @Test
    void aRangeMayHaveOneBound() {
        ControlParameter atLeast = ranged(ValueType.INT, new IntValue(0), null);
        assertThat(atLeast.min()).contains(new IntValue(0));
        assertThat(atLeast.max()).isEmpty();
        assertThat(atLeast.validate(new IntValue(Integer.MAX_VALUE))).isEmpty();
        assertThat(atLeast.validate(new IntValue(-1))).isPresent();
        ControlParameter atMost = ranged(ValueType.INT, null, new IntValue(0));
        assertThat(atMost.validate(new IntValue(Integer.MIN_VALUE))).isEmpty();
        assertThat(atMost.validate(new IntValue(1))).isPresent();
    }

    @Test
    void aRangeBoundHasTheParametersType() {
        assertThatThrownBy(() -> ranged(ValueType.INT, new LongValue(0), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("range bound 0 is not a int");
        assertThatThrownBy(() -> ranged(ValueType.INT, null, new DoubleValue(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nanIsNeverValid() {
        ControlParameter unbounded =
                ControlParameter.builder("p", ValueType.DOUBLE).onSet(v -> {}).build();
        assertThat(unbounded.validate(new DoubleValue(Double.NaN))).contains("NaN is not a valid value");
        assertThat(unbounded.validate(new DoubleValue(Double.POSITIVE_INFINITY)))
                .isEmpty();
    }

    @Test
    void aStringIsBoundedInLengthAndByItsOptions() {
        ControlParameter text = ControlParameter.builder("t", ValueType.STRING)
                .maxLength(3)
                .onSet(v -> {})
                .build();
        assertThat(text.maxLength()).isEqualTo(3);
        assertThat(text.validate(StringValue.of("abc"))).isEmpty();
        assertThat(text.validate(StringValue.of("abcd"))).contains("longer than 3 characters");
        assertThat(text.options()).isEmpty();
        ControlParameter mode = ControlParameter.builder("m", ValueType.STRING)
                .options("auto", "manual")
                .onSet(v -> {})
                .build();
        assertThat(mode.maxLength()).isEqualTo(ControlParameter.DEFAULT_MAX_STRING_LENGTH);
        assertThat(mode.validate(StringValue.of("manual"))).isEmpty();
        assertThat(mode.validate(StringValue.of("off"))).contains("not one of [auto, manual]");
        assertThatThrownBy(() -> ControlParameter.builder("i", ValueType.INT).options("a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("options apply to string parameters only");
    }

    @Test
    void aValueOfAnotherTypeOrNoneIsRefused() {
        ControlParameter p = ranged(ValueType.BOOLEAN, null, null);
        assertThat(p.validate(null)).contains("missing value");
        assertThat(p.validate(new IntValue(1))).contains("expected a boolean value, got int");
        assertThat(p.validate(BooleanValue.TRUE)).isEmpty();
    }

    @Test
    void theDescriptionPartsAreKept() {
        List<Value> set = new ArrayList<>();
        AtomicBoolean locked = new AtomicBoolean();
        ControlParameter p = ControlParameter.builder("Level", ValueType.INT)
                .label("Light level")
                .description("0 is off")
                .group("Light")
                .page("Main")
                .current(() -> new IntValue(7))
                .lockedWhen(locked::get)
                .onSet(set::add)
                .build();
        assertThat(p.name()).isEqualTo("Level");
        assertThat(p.type()).isEqualTo(ValueType.INT);
        assertThat(p.label()).isEqualTo("Light level");
        assertThat(p.description()).contains("0 is off");
        assertThat(p.group()).contains("Light");
        assertThat(p.page()).contains("Main");
        assertThat(p.currentValue()).contains(new IntValue(7));
        assertThat(p.isLocked()).isFalse();
        locked.set(true);
        assertThat(p.isLocked()).isTrue();
        assertThat(p.apply(new IntValue(3)).toCompletableFuture().join()).isNull();
        assertThat(set).containsExactly(new IntValue(3));
    }

    @Test
    void theLabelDefaultsToTheNameAndTheRestIsAbsent() {
        ControlParameter p = ranged(ValueType.INT, null, null);
        assertThat(p.label()).isEqualTo("p");
        assertThat(p.description()).isEmpty();
        assertThat(p.group()).isEmpty();
        assertThat(p.page()).isEmpty();
        assertThat(p.currentValue()).isEmpty();
        assertThat(p.isLocked()).isFalse();
        ControlParameter nothingYet = ControlParameter.builder("q", ValueType.INT)
                .current(() -> null)
                .onSet(v -> {})
                .build();
        assertThat(nothingYet.currentValue()).isEmpty();
    }

    @Test
    void aFailingActionFailsTheStage() {
        ControlParameter p = ControlParameter.builder("p", ValueType.INT)
                .onSet(v -> {
                    throw new IllegalStateException("relay stuck");
                })
                .build();
        CompletableFuture<Void> done = p.apply(new IntValue(1)).toCompletableFuture();
        assertThat(done).isCompletedExceptionally();
        assertThatThrownBy(done::join).isInstanceOf(CompletionException.class).hasRootCauseMessage("relay stuck");
        ControlParameter async = ControlParameter.builder("a", ValueType.INT)
                .onSetAsync(v -> CompletableFuture.failedFuture(new IllegalStateException("later")))
                .build();
        assertThat(async.apply(new IntValue(1)).toCompletableFuture()).isCompletedExceptionally();
    }

    @Test
    void theBuilderChecksNameTypeAndAction() {
        assertThatThrownBy(() -> ControlParameter.builder(" ", ValueType.INT))
                .hasMessage("parameter name must not be blank");
        assertThatThrownBy(() -> ControlParameter.builder(null, ValueType.INT)).hasMessage("name");
        assertThatThrownBy(() -> ControlParameter.builder("p", null)).hasMessage("type");
        assertThatThrownBy(() -> ControlParameter.builder("p", ValueType.INT).build())
                .hasMessage("an action (onSet) is required for parameter p");
        assertThatThrownBy(() -> ControlParameter.builder("p", ValueType.INT).lockedWhen(null))
                .hasMessage("locked");
    }
}

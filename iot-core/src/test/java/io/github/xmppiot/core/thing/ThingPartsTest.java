package io.github.xmppiot.core.thing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.ValueType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A Thing's accessors, the sensor factories, the read scope and the directory's change events. */
class ThingPartsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    private static ControlParameter onOff(String name) {
        return ControlParameter.builder(name, ValueType.BOOLEAN)
                .current(() -> BooleanValue.of(true))
                .onSet(v -> {})
                .build();
    }

    @Test
    void aThingShowsWhatItWasBuiltWith() {
        Sensor temp = Sensor.of("T", () -> new IntValue(1));
        Thing t = Thing.builder(NodeRef.of("Dev"))
                .meta("CLASS", "Relay")
                .sensor(temp)
                .parameter(onOff("A"))
                .parameter(onOff("B"))
                .build();
        assertThat(t.node()).isEqualTo(NodeRef.of("Dev"));
        assertThat(t.metaTags()).containsExactly(MetaTag.str("CLASS", "Relay"));
        assertThat(t.sensors()).containsExactly(temp);
        assertThat(t.parameters()).extracting(ControlParameter::name).containsExactly("A", "B");
        assertThat(t.parameter("B")).get().extracting(ControlParameter::name).isEqualTo("B");
        assertThat(t.parameter("C")).isEmpty();
        assertThat(t.isReadable()).isTrue();
        assertThat(t.isControllable()).isTrue();
        assertThat(t.toString()).isEqualTo("Thing[" + NodeRef.of("Dev") + ", 1 sensors, [A, B]]");

        Thing onlySensor = Thing.builder("S").sensor(temp).build();
        assertThat(onlySensor.isReadable()).isTrue();
        assertThat(onlySensor.isControllable()).isFalse();
        Thing onlyControl = Thing.builder("C").parameter(onOff("A")).build();
        assertThat(onlyControl.isReadable()).isTrue();
        assertThat(onlyControl.isControllable()).isTrue();
        Thing empty = Thing.builder("E").build();
        assertThat(empty.isReadable()).isFalse();
        assertThat(empty.isControllable()).isFalse();
    }

    @Test
    void aSensorNotAskedForReportsNothingNotAFailure() throws Exception {
        Sensor temp = Sensor.of("T", () -> new IntValue(1));
        ReadScope other = new ReadScope(EnumSet.of(FieldCategory.MOMENTARY), Set.of("U"), null, null);
        assertThat(temp.read(other, CLOCK).toCompletableFuture().get()).isEqualTo(SensorData.EMPTY);
        ReadScope peak = new ReadScope(EnumSet.of(FieldCategory.PEAK), Set.of(), null, null);
        assertThat(temp.read(peak, CLOCK).toCompletableFuture().get()).isEqualTo(SensorData.EMPTY);
        Thing t = Thing.builder("Dev").sensor(temp).build();
        SensorData d = t.read(other, CLOCK).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(d.fields()).isEmpty();
        assertThat(d.failures()).isEmpty();
    }

    @Test
    void aBlockingSensorRunsOnItsExecutorAndTurnsFailuresIntoData() throws Exception {
        List<Runnable> queued = new ArrayList<>();
        Sensor ok =
                Sensor.blocking(queued::add, (scope, now) -> SensorData.of(now, Field.momentary("T", new IntValue(7))));
        var pending = ok.read(ReadScope.MOMENTARY, CLOCK).toCompletableFuture();
        assertThat(pending).isNotDone();
        assertThat(queued).hasSize(1);
        queued.remove(0).run();
        SensorData d = pending.get();
        assertThat(d.fields()).hasSize(1);
        assertThat(d.fields().get(0).field().value()).isEqualTo(new IntValue(7));
        assertThat(d.fields().get(0).timestamp().lexical()).isEqualTo("2026-01-02T03:04:05Z");

        Sensor broken = Sensor.blocking(Runnable::run, (scope, now) -> {
            throw new java.io.IOException("i2c nack");
        });
        SensorData f =
                broken.read(ReadScope.MOMENTARY, CLOCK).toCompletableFuture().get();
        assertThat(f.fields()).isEmpty();
        assertThat(f.failures()).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo("i2c nack");
            assertThat(e.fieldName()).isNull();
        });
    }

    @Test
    void aScopeWantsNamedFieldsOrAllAndKnowsWhenHistoryIsAsked() {
        ReadScope named = new ReadScope(EnumSet.of(FieldCategory.MOMENTARY), Set.of("A"), null, null);
        assertThat(named.wantsField("A")).isTrue();
        assertThat(named.wantsField("B")).isFalse();
        assertThat(ReadScope.MOMENTARY.wantsField("B")).isTrue();
        assertThat(ReadScope.MOMENTARY.wantsHistory()).isFalse();
        assertThat(ReadScope.ALL.wantsHistory()).isTrue();
        ReadScope days = new ReadScope(EnumSet.of(FieldCategory.HISTORICAL_DAY), Set.of(), null, null);
        assertThat(days.wantsHistory()).isTrue();
    }

    @Test
    void theDirectoryTellsListenersWhatWasAddedAndRemoved() {
        ThingDirectory dir = ThingDirectory.of();
        List<ThingDirectory.Change> changes = new ArrayList<>();
        dir.addListener(changes::add);
        Thing a = Thing.builder("A").build();
        dir.add(a);
        assertThat(dir.get(NodeRef.of("A"))).containsSame(a);
        assertThat(dir.get(NodeRef.of("B"))).isEmpty();
        assertThat(dir.remove(NodeRef.of("B"))).isEmpty();
        assertThat(changes).containsExactly(new ThingDirectory.Change(a, true));
        assertThat(dir.remove(NodeRef.of("A"))).containsSame(a);
        assertThat(changes).containsExactly(new ThingDirectory.Change(a, true), new ThingDirectory.Change(a, false));
        assertThat(dir.get(NodeRef.of("A"))).isEmpty();
        assertThat(dir.size()).isZero();
    }
}

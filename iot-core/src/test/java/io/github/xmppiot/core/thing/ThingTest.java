package io.github.xmppiot.core.thing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.core.field.TimedField;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.NumericValue;
import io.github.xmppiot.core.value.StringValue;
import io.github.xmppiot.core.value.ValueType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ThingTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    private final AtomicBoolean relay = new AtomicBoolean();

    private Thing thing() {
        return Thing.builder("Device01")
                .meta("CLASS", "Relay")
                .sensor(Sensor.of("Temperature", () -> NumericValue.of("21.50", "°C")))
                .sensor(Sensor.of("Broken", () -> {
                    throw new IllegalStateException("sensor not connected");
                }))
                .sensor((scope, clock) -> CompletableFuture.failedFuture(new RuntimeException("bus timeout")))
                .parameter(ControlParameter.builder("Output", ValueType.BOOLEAN)
                        .current(() -> BooleanValue.of(relay.get()))
                        .onSet(v -> relay.set(((BooleanValue) v).value()))
                        .build())
                .build();
    }

    @Test
    void readCombinesSensorsFailuresAndWritableControlStates() throws Exception {
        SensorData d =
                thing().read(ReadScope.MOMENTARY, CLOCK).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(d.fields()).extracting(tf -> tf.field().name()).containsExactly("Temperature", "Output");
        Field output = d.fields().get(1).field();
        assertThat(output.writable()).isTrue();
        assertThat(output.categories()).contains(FieldCategory.MOMENTARY, FieldCategory.STATUS);
        assertThat(d.failures()).extracting(f -> f.message()).containsExactly("sensor not connected", "bus timeout");
        assertThat(d.failures().get(0).fieldName()).isEqualTo("Broken");
        assertThat(d.fields())
                .extracting(TimedField::timestamp)
                .allMatch(t -> t.lexical().equals("2026-01-02T03:04:05Z"));
    }

    @Test
    void readHonoursFieldNamesAndCategories() throws Exception {
        ReadScope onlyTemp = new ReadScope(EnumSet.of(FieldCategory.MOMENTARY), Set.of("Temperature"), null, null);
        assertThat(thing().read(onlyTemp, CLOCK).toCompletableFuture().get().fields())
                .hasSize(1);
        ReadScope identity = new ReadScope(EnumSet.of(FieldCategory.IDENTITY), Set.of(), null, null);
        assertThat(thing().read(identity, CLOCK).toCompletableFuture().get().fields())
                .isEmpty();
    }

    @Test
    void parametersValidateBeforeAction() {
        ControlParameter dimmer = ControlParameter.builder("Level", ValueType.INT)
                .range(new IntValue(0), new IntValue(100))
                .onSet(v -> {
                    throw new AssertionError("validate must not apply");
                })
                .build();
        assertThat(dimmer.validate(new IntValue(50))).isEmpty();
        assertThat(dimmer.validate(new IntValue(101))).get().asString().contains("maximum 100");
        assertThat(dimmer.validate(new IntValue(-1))).get().asString().contains("minimum 0");
        assertThat(dimmer.validate(StringValue.of("50"))).get().asString().contains("expected a int");
        ControlParameter mode = ControlParameter.builder("Mode", ValueType.STRING)
                .options("auto", "manual")
                .maxLength(10)
                .onSet(v -> {})
                .build();
        assertThat(mode.validate(StringValue.of("auto"))).isEmpty();
        assertThat(mode.validate(StringValue.of("off"))).isPresent();
        assertThatThrownBy(() -> ControlParameter.builder("x", ValueType.NUMERIC))
                .hasMessageContaining("not a XEP-0325");
    }

    @Test
    void directorySelectsByTripleAndReportsUnknownNodes() {
        Thing a = Thing.builder(NodeRef.of("N1", "S1")).build();
        Thing b = Thing.builder(NodeRef.of("N1", "S2")).build();
        Thing c = Thing.builder(NodeRef.of("N2", "S1")).build();
        ThingDirectory dir = ThingDirectory.of(a, b, c);
        assertThat(dir.select(List.of()).things()).containsExactly(a, b, c);
        assertThat(dir.select(List.of(NodeRef.of("N1"))).things()).containsExactly(a, b);
        ThingDirectory.Selection s = dir.select(List.of(NodeRef.of("N1", "S2"), NodeRef.of("N9")));
        assertThat(s.things()).containsExactly(b);
        assertThat(s.unknown()).containsExactly(NodeRef.of("N9"));
        assertThatThrownBy(() -> dir.add(Thing.builder(NodeRef.of("N1", "S1")).build()))
                .hasMessageContaining("already exists");
        assertThat(dir.remove(NodeRef.of("N2", "S1"))).contains(c);
        assertThat(dir.size()).isEqualTo(2);
    }

    @Test
    void metaTagsEnforceRegistryLimits() {
        assertThat(thing().metaTags()).containsExactly(MetaTag.str("CLASS", "Relay"));
        assertThatThrownBy(() -> MetaTag.str("BAD NAME", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MetaTag.str("A:B", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MetaTag.str("X".repeat(33), "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MetaTag.str("NAME", "x".repeat(129))).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.github.xmppiot.sensordata;

import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.core.field.FieldFailure;
import io.github.xmppiot.core.field.QualityFlag;
import io.github.xmppiot.core.field.TimedField;
import io.github.xmppiot.core.thing.SensorData;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.NumericValue;
import io.github.xmppiot.core.value.StringValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Things used by the flow tests and ITs. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2013-03-07T00:00:00Z");

    private Fixtures() {}

    /**
     * Device01: Temperature (momentary), Runtime (status), Device ID (identity), Pressure (fails); Device02:
     * Temperature only.
     */
    static ThingDirectory directory() {
        Thing d1 = Thing.builder("Device01")
                .sensor((scope, clock) -> {
                    DateTimeValue now = DateTimeValue.of(clock.instant());
                    SensorData data = SensorData.of(
                            now,
                            Field.momentary("Temperature", NumericValue.of("23.4", "°C")),
                            Field.builder("Runtime", NumericValue.of("12345", "h"))
                                    .categories(FieldCategory.STATUS)
                                    .quality(QualityFlag.AUTOMATIC_READOUT)
                                    .build(),
                            Field.builder("Device ID", StringValue.of("Device01"))
                                    .categories(FieldCategory.IDENTITY)
                                    .build());
                    SensorData failed =
                            new SensorData(List.of(), List.of(new FieldFailure("Pressure", now, "Timeout.")));
                    return CompletableFuture.completedFuture(data.plus(failed));
                })
                .build();
        Thing d2 = Thing.builder("Device02")
                .sensor((scope, clock) -> CompletableFuture.completedFuture(SensorData.of(
                        DateTimeValue.of(clock.instant()),
                        Field.momentary("Temperature", NumericValue.of("22.8", "°C")))))
                .build();
        return ThingDirectory.of(d1, d2);
    }

    /** A Thing producing {@code n} momentary int fields. */
    static Thing big(String nodeId, int n) {
        return Thing.builder(nodeId)
                .sensor((scope, clock) -> {
                    DateTimeValue now = DateTimeValue.of(clock.instant());
                    List<TimedField> fields = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        fields.add(new TimedField(now, Field.momentary("F" + i, new IntValue(i))));
                    }
                    return CompletableFuture.completedFuture(new SensorData(fields, List.of()));
                })
                .build();
    }

    /** Records hourly temperatures T0, T0+1h, … T0+(n-1)h for Device01. */
    static void recordHistory(HistoryStore store, int n) {
        for (int i = 0; i < n; i++) {
            store.record(
                    io.github.xmppiot.core.NodeRef.of("Device01"),
                    new TimedField(
                            DateTimeValue.of(T0.plusSeconds(3600L * i)),
                            Field.builder("Temperature", NumericValue.of("2" + i + ".5", "°C"))
                                    .categories(FieldCategory.HISTORICAL_HOUR)
                                    .build()));
        }
    }
}

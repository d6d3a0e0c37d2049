package io.github.xmppiot.core.thing;

import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.value.Value;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Produces XEP-0323 fields for a Thing. Reading may be slow or fail, so it is asynchronous; a failure of one field is
 * reported as a {@link io.github.xmppiot.core.field.FieldFailure} in the returned data, never as a wrong value. A sensor
 * may be a HAL channel, a driver, or a lambda.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Sensor {

    /**
     * Reads the fields this sensor provides that the scope asks for.
     *
     * @param scope what is requested (hints: returning more is allowed)
     * @param clock the clock to timestamp values with
     * @return the data; a stage completed exceptionally counts as a failure of every field of this sensor
     */
    CompletionStage<SensorData> read(ReadScope scope, Clock clock);

    /**
     * A sensor of one momentary field whose value is computed synchronously and cheaply.
     *
     * @param name  the field name
     * @param value computes the value; an exception becomes a field failure
     * @return the sensor
     */
    static Sensor of(String name, Callable<? extends Value> value) {
        return (scope, clock) -> {
            DateTimeValue now = DateTimeValue.of(clock.instant());
            if (!scope.wantsField(name) || !scope.wantsAnyOf(SensorCategories.MOMENTARY)) {
                return CompletableFuture.completedFuture(SensorData.EMPTY);
            }
            try {
                return CompletableFuture.completedFuture(SensorData.of(now, Field.momentary(name, value.call())));
            } catch (Exception e) {
                return CompletableFuture.completedFuture(SensorData.failure(name, now, String.valueOf(e.getMessage())));
            }
        };
    }

    /**
     * A sensor whose fields are produced by a blocking call (for example an I2C driver), run on {@code executor}.
     *
     * @param executor where the blocking call runs (never Smack's reader thread)
     * @param reader   reads the fields; an exception becomes a failure of the whole sensor
     * @return the sensor
     */
    static Sensor blocking(Executor executor, BlockingReader reader) {
        return (scope, clock) -> CompletableFuture.supplyAsync(
                () -> {
                    DateTimeValue now = DateTimeValue.of(clock.instant());
                    try {
                        return reader.read(scope, now);
                    } catch (Exception e) {
                        return SensorData.failure(null, now, String.valueOf(e.getMessage()));
                    }
                },
                executor);
    }

    /** A blocking read of several fields, for {@link #blocking}. */
    @FunctionalInterface
    interface BlockingReader {
        /**
         * Reads.
         *
         * @param scope     what is requested
         * @param timestamp the time to stamp the values with
         * @return the data
         * @throws Exception if the hardware fails
         */
        SensorData read(ReadScope scope, DateTimeValue timestamp) throws Exception;
    }
}

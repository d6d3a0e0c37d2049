package io.github.xmppiot.core.thing;

import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.field.FieldFailure;
import io.github.xmppiot.core.field.TimedField;
import io.github.xmppiot.core.value.DateTimeValue;
import java.util.ArrayList;
import java.util.List;

/**
 * What one sensor read: fields with timestamps, and failures for fields (or the whole sensor) that could not be read.
 *
 * @param fields   the values read
 * @param failures the errors, reported per field (XEP-0323 §3.3)
 * @since 0.1.0
 */
public record SensorData(List<TimedField> fields, List<FieldFailure> failures) {

    /** Nothing read, nothing failed. */
    public static final SensorData EMPTY = new SensorData(List.of(), List.of());

    /**
     * Copies the lists.
     */
    public SensorData {
        fields = List.copyOf(fields);
        failures = List.copyOf(failures);
    }

    /**
     * Fields read at one time.
     *
     * @param timestamp when they were read
     * @param fields    the fields
     * @return the data
     */
    public static SensorData of(DateTimeValue timestamp, Field... fields) {
        List<TimedField> list = new ArrayList<>(fields.length);
        for (Field f : fields) {
            list.add(new TimedField(timestamp, f));
        }
        return new SensorData(list, List.of());
    }

    /**
     * A failure of one field or of the whole sensor.
     *
     * @param fieldName the field, or null for the whole sensor
     * @param timestamp when it failed
     * @param message   the reason
     * @return the data
     */
    public static SensorData failure(String fieldName, DateTimeValue timestamp, String message) {
        return new SensorData(List.of(), List.of(new FieldFailure(fieldName, timestamp, message)));
    }

    /**
     * Combines two results.
     *
     * @param other more data
     * @return the union, in order
     */
    public SensorData plus(SensorData other) {
        List<TimedField> f = new ArrayList<>(fields);
        f.addAll(other.fields);
        List<FieldFailure> e = new ArrayList<>(failures);
        e.addAll(other.failures);
        return new SensorData(f, e);
    }
}

package io.github.xmppiot.core.thing;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.core.field.FieldFailure;
import io.github.xmppiot.core.field.QualityFlag;
import io.github.xmppiot.core.field.TimedField;
import io.github.xmppiot.core.internal.Failures;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.value.Value;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A device, or one node of a hub: its node address, meta tags, sensors and control parameters. Reading a Thing reads
 * all its sensors concurrently and adds the current value of every control parameter as a momentary and status field
 * with {@code writable='true'} (XEP-0323 §3.1, XEP-0325 §3.5 "Reading current control states").
 *
 * @since 0.1.0
 */
public final class Thing {

    private static final java.util.Set<FieldCategory> CONTROL_STATE_CATEGORIES =
            java.util.Collections.unmodifiableSet(EnumSet.of(FieldCategory.MOMENTARY, FieldCategory.STATUS));

    private final NodeRef node;
    private final List<MetaTag> metaTags;
    private final List<Sensor> sensors;
    private final Map<String, ControlParameter> parameters;

    private Thing(Builder b) {
        this.node = b.node;
        this.metaTags = List.copyOf(b.metaTags);
        this.sensors = List.copyOf(b.sensors);
        this.parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.parameters));
    }

    /**
     * Starts building a Thing at a node address.
     *
     * @param nodeId the node id (a standalone device still has one, for example {@code "Device01"})
     * @return a builder
     */
    public static Builder builder(String nodeId) {
        return new Builder(NodeRef.of(nodeId));
    }

    /**
     * Starts building a Thing at a node address.
     *
     * @param node the node triple
     * @return a builder
     */
    public static Builder builder(NodeRef node) {
        return new Builder(node);
    }

    /** @return the node address */
    public NodeRef node() {
        return node;
    }

    /** @return the meta tags for registries */
    public List<MetaTag> metaTags() {
        return metaTags;
    }

    /** @return the sensors */
    public List<Sensor> sensors() {
        return sensors;
    }

    /** @return the control parameters in the order they must be written (XEP-0325 §3.4) */
    public List<ControlParameter> parameters() {
        return List.copyOf(parameters.values());
    }

    /**
     * A control parameter by name.
     *
     * @param name the parameter name
     * @return the parameter, empty if this Thing has none of that name
     */
    public Optional<ControlParameter> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /** @return whether any sensor or control parameter can be read */
    public boolean isReadable() {
        return !sensors.isEmpty() || !parameters.isEmpty();
    }

    /** @return whether the Thing has control parameters */
    public boolean isControllable() {
        return !parameters.isEmpty();
    }

    /**
     * Reads every sensor concurrently; all values are stamped with the time the read started, to the millisecond. A
     * sensor whose stage fails contributes a node-level failure; it never hides the
     * values of the other sensors.
     *
     * @param scope what is requested
     * @param clock the clock for timestamps
     * @return the data of all sensors and the current control states
     */
    public CompletionStage<SensorData> read(ReadScope scope, Clock clock) {
        // One timestamp per read-out, to the millisecond: fields read together are grouped under one <timestamp/>.
        Clock readClock = Clock.fixed(clock.instant().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
        return readAt(scope, readClock);
    }

    private CompletionStage<SensorData> readAt(ReadScope scope, Clock clock) {
        List<CompletableFuture<SensorData>> parts = new ArrayList<>(sensors.size() + 1);
        for (Sensor s : sensors) {
            CompletableFuture<SensorData> f;
            try {
                f = s.read(scope, clock).toCompletableFuture();
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            parts.add(
                    f.exceptionally(e -> SensorData.failure(null, DateTimeValue.of(clock.instant()), rootMessage(e))));
        }
        parts.add(CompletableFuture.completedFuture(controlStates(scope, clock)));
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> combine(parts));
    }

    /** Concatenates the parts in order, in one pass (repeated {@link SensorData#plus} would be quadratic). */
    private static SensorData combine(List<CompletableFuture<SensorData>> parts) {
        List<TimedField> fields = new ArrayList<>();
        List<FieldFailure> failures = new ArrayList<>();
        for (CompletableFuture<SensorData> p : parts) {
            SensorData d = p.join();
            fields.addAll(d.fields());
            failures.addAll(d.failures());
        }
        return new SensorData(fields, failures);
    }

    private SensorData controlStates(ReadScope scope, Clock clock) {
        if (!scope.wantsAnyOf(CONTROL_STATE_CATEGORIES)) {
            return SensorData.EMPTY;
        }
        DateTimeValue now = DateTimeValue.of(clock.instant());
        List<TimedField> fields = new ArrayList<>();
        List<FieldFailure> failures = new ArrayList<>();
        for (ControlParameter p : parameters.values()) {
            if (!scope.wantsField(p.name()) || !p.type().isFieldType()) {
                continue;
            }
            try {
                Optional<Value> v = p.currentValue();
                v.ifPresent(value -> fields.add(new TimedField(
                        now,
                        Field.builder(p.name(), value)
                                .categories(FieldCategory.MOMENTARY, FieldCategory.STATUS)
                                .quality(QualityFlag.AUTOMATIC_READOUT)
                                .writable(true)
                                .build())));
            } catch (RuntimeException e) {
                failures.add(new FieldFailure(p.name(), now, rootMessage(e)));
            }
        }
        return new SensorData(fields, failures);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = Failures.unwrap(e);
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return "Thing[" + node + ", " + sensors.size() + " sensors, " + parameters.keySet() + "]";
    }

    /** Builder of {@link Thing}. */
    public static final class Builder {
        private final NodeRef node;
        private final List<MetaTag> metaTags = new ArrayList<>();
        private final List<Sensor> sensors = new ArrayList<>();
        private final Map<String, ControlParameter> parameters = new LinkedHashMap<>();

        private Builder(NodeRef node) {
            this.node = Objects.requireNonNull(node, "node");
        }

        /**
         * Adds a meta tag.
         *
         * @param tag the tag
         * @return this builder
         */
        public Builder meta(MetaTag tag) {
            metaTags.add(Objects.requireNonNull(tag, "tag"));
            return this;
        }

        /**
         * Adds a string meta tag.
         *
         * @param name  tag name
         * @param value tag value
         * @return this builder
         */
        public Builder meta(String name, String value) {
            return meta(MetaTag.str(name, value));
        }

        /**
         * Adds a sensor.
         *
         * @param sensor the sensor
         * @return this builder
         */
        public Builder sensor(Sensor sensor) {
            sensors.add(Objects.requireNonNull(sensor, "sensor"));
            return this;
        }

        /**
         * Adds a control parameter; parameters are written in the order they are added.
         *
         * @param parameter the parameter
         * @return this builder
         * @throws IllegalArgumentException if a parameter of that name exists
         */
        public Builder parameter(ControlParameter parameter) {
            if (parameters.putIfAbsent(parameter.name(), parameter) != null) {
                throw new IllegalArgumentException("duplicate control parameter " + parameter.name());
            }
            return this;
        }

        /**
         * Builds the Thing.
         *
         * @return the Thing
         */
        public Thing build() {
            return new Thing(this);
        }
    }
}

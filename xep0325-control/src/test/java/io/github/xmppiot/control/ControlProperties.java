package io.github.xmppiot.control;

import static io.github.xmppiot.control.Fixtures.CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.control.element.ControlSet;
import io.github.xmppiot.control.element.ParamError;
import io.github.xmppiot.control.element.TypedParameter;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.ColorValue;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.value.DateValue;
import io.github.xmppiot.core.value.DoubleValue;
import io.github.xmppiot.core.value.DurationValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.LongValue;
import io.github.xmppiot.core.value.StringValue;
import io.github.xmppiot.core.value.TimeValue;
import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.core.value.Values;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jivesoftware.smack.packet.StanzaError;

/** Property tests: every value of every control type round-trips; hostile values change nothing. */
class ControlProperties {

    @Property(tries = 500)
    void anyValueRoundTripsThroughXmlAndIsApplied(@ForAll("values") Value value) throws Exception {
        ControlSet sent = ControlSet.builder()
                .parameter(value.type().elementName(), value)
                .build();
        ControlSet received = Fixtures.set(sent.toXML().toString());
        assertThat(received.parameters())
                .singleElement()
                .satisfies(p -> assertThat(p.value()).isEqualTo(value));

        Devices devices = new Devices();
        Fixtures.Processor processor = Fixtures.processor(ThingDirectory.of(devices.allTypes("D")));
        assertThat(processor.set(CLIENT, received).get(5, TimeUnit.SECONDS)).isEqualTo(SetResult.asRequested());
        assertThat(devices.state.get("D/" + value.type().elementName())).isEqualTo(value);
    }

    @Property(tries = 500)
    void hostileValuesChangeNothingAndAreNamed(@ForAll("hostile") TypedParameter bad, @ForAll("values") Value good)
            throws Exception {
        Devices devices = new Devices();
        Thing thing = Thing.builder(devices.allTypes("D").node())
                .parameter(devices.param("D", "percent", ValueType.INT, new IntValue(50))
                        .range(new IntValue(0), new IntValue(100))
                        .build())
                .build();
        Thing all = devices.allTypes("D");
        Thing.Builder both = Thing.builder("D");
        all.parameters().forEach(both::parameter);
        thing.parameters().forEach(both::parameter);
        Fixtures.Processor processor = Fixtures.processor(ThingDirectory.of(both.build()));
        Map<String, Value> before = new HashMap<>(devices.state);

        ControlSet sent = ControlSet.builder()
                .parameter(good.type().elementName(), good)
                .parameter(bad)
                .build();
        ControlSet received = Fixtures.set(sent.toXML().toString());
        try {
            processor.set(CLIENT, received).get(5, TimeUnit.SECONDS);
            throw new AssertionError("accepted hostile " + bad);
        } catch (ExecutionException e) {
            IotErrorException error = (IotErrorException) e.getCause();
            assertThat(error.condition()).isEqualTo(StanzaError.Condition.bad_request);
            assertThat(error.extensions())
                    .extracting(x -> ((ParamError) x).var())
                    .contains(bad.name());
        }
        assertThat(devices.writes).isEmpty();
        assertThat(devices.state).isEqualTo(before);
    }

    @Provide
    Arbitrary<Value> values() {
        Arbitrary<ZoneOffset> zones = Arbitraries.integers()
                .between(-14 * 4, 14 * 4)
                .map(q -> ZoneOffset.ofTotalSeconds(q * 15 * 60))
                .injectNull(0.3);
        Arbitrary<LocalDate> dates = Arbitraries.longs()
                .between(
                        LocalDate.of(0, 1, 1).toEpochDay(),
                        LocalDate.of(9999, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
        Arbitrary<LocalTime> times =
                Arbitraries.longs().between(0, 86_399_999_999_999L).map(LocalTime::ofNanoOfDay);
        Arbitrary<Value> durations = Combinators.combine(
                        Arbitraries.integers().between(0, 99),
                        Arbitraries.integers().between(0, 30),
                        Arbitraries.integers().between(0, 100_000),
                        Arbitraries.of("", "-"))
                .as((y, d, s, sign) -> DurationValue.parse(sign + "P" + y + "Y" + d + "DT" + s + "S"));
        return Arbitraries.oneOf(
                Arbitraries.of(BooleanValue.TRUE, BooleanValue.FALSE),
                Combinators.combine(
                                Arbitraries.integers().between(0, 255),
                                Arbitraries.integers().between(0, 255),
                                Arbitraries.integers().between(0, 255),
                                Arbitraries.integers().between(-1, 255))
                        .as((r, g, b, a) -> a < 0 ? ColorValue.rgb(r, g, b) : ColorValue.rgba(r, g, b, a)),
                Combinators.combine(dates, zones).as(DateValue::new),
                Combinators.combine(dates, times, zones).as((d, t, z) -> new DateTimeValue(LocalDateTime.of(d, t), z)),
                Arbitraries.doubles().filter(d -> !Double.isNaN(d)).map(DoubleValue::new),
                Arbitraries.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE)
                        .map(DoubleValue::new),
                durations,
                Arbitraries.integers().map(IntValue::new),
                Arbitraries.longs().map(LongValue::new),
                Arbitraries.strings()
                        .ofMaxLength(64)
                        .filter(ControlProperties::xmlSafe)
                        .map(StringValue::of),
                Arbitraries.strings()
                        .withChars(" \t\r\n<>&'\"°€")
                        .ofMaxLength(64)
                        .map(StringValue::of),
                Combinators.combine(times, zones).as(TimeValue::new));
    }

    @Provide
    Arbitrary<TypedParameter> hostile() {
        Arbitrary<String> junk = Arbitraries.strings().ofMaxLength(40).filter(ControlProperties::xmlSafe);
        return Arbitraries.oneOf(
                Arbitraries.integers()
                        .filter(i -> i < 0 || i > 100)
                        .map(i -> TypedParameter.raw(ValueType.INT, "percent", Integer.toString(i))),
                Arbitraries.longs()
                        .filter(l -> l < Integer.MIN_VALUE || l > Integer.MAX_VALUE)
                        .map(l -> TypedParameter.raw(ValueType.INT, "int", Long.toString(l))),
                junk.filter(s -> !s.strip().matches("true|false|1|0"))
                        .map(s -> TypedParameter.raw(ValueType.BOOLEAN, "boolean", s)),
                junk.filter(s -> !s.strip().matches("[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?"))
                        .map(s -> TypedParameter.raw(ValueType.COLOR, "color", s)),
                Arbitraries.strings()
                        .ofMinLength(65)
                        .ofMaxLength(20_000)
                        .filter(ControlProperties::xmlSafe)
                        .map(s -> TypedParameter.raw(ValueType.STRING, "string", s)),
                Arbitraries.of(
                                ValueType.BOOLEAN,
                                ValueType.COLOR,
                                ValueType.DATE,
                                ValueType.DATE_TIME,
                                ValueType.DOUBLE,
                                ValueType.DURATION,
                                ValueType.INT,
                                ValueType.LONG,
                                ValueType.TIME)
                        .flatMap(t ->
                                junk.filter(s -> !parses(t, s)).map(s -> TypedParameter.raw(t, t.elementName(), s))),
                Arbitraries.of(ValueType.values())
                        .filter(ValueType::isControlType)
                        .flatMap(t -> Arbitraries.of(ValueType.values())
                                .filter(u -> u.isControlType() && u != t && u != ValueType.STRING)
                                .map(u -> TypedParameter.raw(u, t.elementName(), sample(u)))),
                Arbitraries.of(ValueType.INT, ValueType.BOOLEAN, ValueType.COLOR)
                        .map(t -> TypedParameter.raw(t, t.elementName(), null)));
    }

    private static String sample(ValueType type) {
        switch (type) {
            case BOOLEAN:
                return "true";
            case COLOR:
                return "FF0000";
            case DATE:
                return "2020-01-01";
            case DATE_TIME:
                return "2020-01-01T00:00:00";
            case DOUBLE:
                return "1.5";
            case DURATION:
                return "PT1S";
            case INT:
                return "7";
            case LONG:
                return "7";
            case TIME:
                return "12:00:00";
            default:
                return "x";
        }
    }

    private static boolean parses(ValueType type, String s) {
        try {
            Values.parse(type, s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean xmlSafe(String s) {
        try {
            Values.xmlText(s, "text");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

package io.github.xmppiot.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Every value type round-trips through its lexical form for any legal value. */
class ValueRoundTripProperties {

    @Property
    void intRoundTrips(@ForAll int i) {
        assertRoundTrip(new IntValue(i));
    }

    @Property
    void longRoundTrips(@ForAll long l) {
        assertRoundTrip(new LongValue(l));
    }

    @Property
    void booleanRoundTrips(@ForAll boolean b) {
        assertRoundTrip(BooleanValue.of(b));
    }

    @Property
    void doubleRoundTrips(@ForAll double d) {
        assertRoundTrip(new DoubleValue(d));
    }

    @Property
    void numericKeepsItsDecimals(@ForAll("decimals") BigDecimal d) {
        NumericValue v = NumericValue.of(d, "°C");
        Value back = Values.parse(ValueType.NUMERIC, v.lexical());
        assertThat(back.lexical()).isEqualTo(d.toPlainString());
        assertThat(v.decimals()).isEqualTo(Math.max(0, d.scale()));
        assertThat(v.decimal()).isEqualTo(d);
    }

    @Property
    void stringRoundTrips(@ForAll("xmlStrings") String s) {
        assertRoundTrip(new StringValue(s));
    }

    @Property
    void colorRoundTrips(
            @ForAll @IntRange(max = 255) int r,
            @ForAll @IntRange(max = 255) int g,
            @ForAll @IntRange(max = 255) int b,
            @ForAll @IntRange(max = 255) int a,
            @ForAll boolean withAlpha) {
        ColorValue c = withAlpha ? ColorValue.rgba(r, g, b, a) : ColorValue.rgb(r, g, b);
        assertRoundTrip(c);
        assertThat(c.red()).isEqualTo(r);
        assertThat(c.blue()).isEqualTo(b);
        assertThat(c.alpha()).isEqualTo(withAlpha ? a : 255);
    }

    @Property
    void dateRoundTrips(@ForAll("dates") LocalDate d, @ForAll("zones") ZoneOffset zone) {
        assertRoundTrip(new DateValue(d, zone));
    }

    @Property
    void timeRoundTrips(@ForAll("times") LocalTime t, @ForAll("zones") ZoneOffset zone) {
        assertRoundTrip(new TimeValue(t, zone));
    }

    @Property
    void dateTimeRoundTripsAndKeepsAbsentZone(
            @ForAll("dates") LocalDate d, @ForAll("times") LocalTime t, @ForAll("zones") ZoneOffset zone) {
        DateTimeValue v = new DateTimeValue(LocalDateTime.of(d, t), zone);
        assertRoundTrip(v);
        assertThat(DateTimeValue.parse(v.lexical()).zone()).isEqualTo(zone);
    }

    @Property
    void durationRoundTrips(
            @ForAll @IntRange(max = 99) int years,
            @ForAll @IntRange(max = 11) int months,
            @ForAll @IntRange(max = 40) int days,
            @ForAll @IntRange(max = 23) int hours,
            @ForAll boolean negative) {
        String lexical = (negative ? "-" : "") + "P" + years + "Y" + months + "M" + days + "DT" + hours + "H";
        DurationValue v = DurationValue.parse(lexical);
        assertRoundTrip(v);
        assertThat(v.duration().getYears()).isEqualTo(years);
        assertThat(v.duration().getMonths()).isEqualTo(months);
    }

    @Property
    void enumKeepsItsDataType(@ForAll("xmlStrings") String value) {
        EnumValue e = new EnumValue(value, "Status");
        assertThat(e.lexical()).isEqualTo(value);
        assertThat(e.dataType()).isEqualTo("Status");
    }

    @Property
    void garbageIsRejectedWithAClearMessageForEveryStrictType(@ForAll("garbage") String junk) {
        for (ValueType t : new ValueType[] {
            ValueType.INT,
            ValueType.LONG,
            ValueType.BOOLEAN,
            ValueType.DOUBLE,
            ValueType.NUMERIC,
            ValueType.COLOR,
            ValueType.DATE,
            ValueType.TIME,
            ValueType.DATE_TIME,
            ValueType.DURATION
        }) {
            assertThatThrownBy(() -> Values.parse(t, junk))
                    .as("type %s, input %s", t, junk)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'");
        }
    }

    private static void assertRoundTrip(Value v) {
        Value back = Values.parse(v.type(), v.lexical());
        assertThat(back).isEqualTo(v);
        assertThat(back.lexical()).isEqualTo(v.lexical());
    }

    @Provide
    Arbitrary<BigDecimal> decimals() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 12))
                .as((unscaled, scale) -> BigDecimal.valueOf(unscaled, scale));
    }

    @Provide
    Arbitrary<String> xmlStrings() {
        return Arbitraries.strings().withCharRange(' ', '\uD7FF').ofMaxLength(60);
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs()
                .between(
                        LocalDate.of(1, 1, 1).toEpochDay(),
                        LocalDate.of(9999, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    @Provide
    Arbitrary<LocalTime> times() {
        return Arbitraries.longs().between(0, 86_399_999_999_999L).map(LocalTime::ofNanoOfDay);
    }

    @Provide
    Arbitrary<ZoneOffset> zones() {
        return Arbitraries.integers()
                .between(-14 * 4, 14 * 4)
                .map(q -> ZoneOffset.ofTotalSeconds(q * 15 * 60))
                .injectNull(0.3);
    }

    @Provide
    Arbitrary<String> garbage() {
        return Arbitraries.of(
                "",
                "  ",
                "abc",
                "1.2.3",
                "0x1F",
                "Infinity",
                "++1",
                "2013-13-45",
                "12:61:00",
                "P",
                "PT",
                "#FF00",
                "GGHHII",
                "tru",
                "1e",
                "--",
                "2013-03-07T25:00:00",
                "\u0000");
    }
}

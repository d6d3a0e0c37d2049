package io.github.xmppiot.sensordata;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.core.field.Localization;
import io.github.xmppiot.core.field.QualityFlag;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.value.DateValue;
import io.github.xmppiot.core.value.DurationValue;
import io.github.xmppiot.core.value.EnumValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.LongValue;
import io.github.xmppiot.core.value.NumericValue;
import io.github.xmppiot.core.value.StringValue;
import io.github.xmppiot.core.value.TimeValue;
import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.xml.MalformedRequest;
import io.github.xmppiot.core.xml.XmlCompare;
import io.github.xmppiot.sensordata.element.Fields;
import io.github.xmppiot.sensordata.element.NodeFields;
import io.github.xmppiot.sensordata.element.TimestampFields;
import io.github.xmppiot.sensordata.provider.SensorDataProviders;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.util.PacketParserUtils;

/** Generated read-outs round-trip; generated malformed requests become {@link MalformedRequest}s (XEP-0323 §3, §10). */
class ReadoutProperties {

    @BeforeContainer
    static void providers() {
        SensorDataProviders.register();
    }

    @Property(tries = 300)
    void fieldsRoundTrip(@ForAll("fields") Fields fields) throws Exception {
        MessageBuilder mb =
                StanzaBuilder.buildMessage().to("client@example.org/c").addExtension(fields);
        String xml = mb.build().toXML().toString();
        Message parsed = PacketParserUtils.parseStanza(xml);
        Fields back = parsed.getExtension(Fields.class);
        assertThat(back).isEqualTo(fields);
        assertThat(XmlCompare.difference(fields.toXML().toString(), back.toXML().toString()))
                .isEmpty();
    }

    @Property(tries = 300)
    void malformedRequestsAreRecognised(@ForAll("malformedReq") String req) throws Exception {
        IQ iq = PacketParserUtils.parseStanza("<iq xmlns='jabber:client' type='get' id='x' from='c@example.org/r' "
                + "to='t@example.org/r'>" + req + "</iq>");
        assertThat(iq).isInstanceOf(MalformedRequest.class);
        assertThat(((MalformedRequest) iq).badRequestReply().getError().getCondition())
                .isEqualTo(org.jivesoftware.smack.packet.StanzaError.Condition.bad_request);
    }

    @Provide
    Arbitrary<String> malformedReq() {
        Arbitrary<String> good = Arbitraries.of(
                "computed='true'", "historicalDay='1'", "historicalYear='0'", "serviceToken='T1 T2'", "");
        Arbitrary<String> bad = Arbitraries.oneOf(
                Arbitraries.of("momentary", "peak", "status", "all", "historical", "identity")
                        .flatMap(a -> Arbitraries.of("yes", "no", "TRUE", "2", "", "on")
                                .map(v -> a + "='" + v + "'")),
                Arbitraries.of("from", "to", "when")
                        .flatMap(a -> Arbitraries.of(
                                        "2013-03-07",
                                        "07.03.2013",
                                        "2013-13-01T00:00:00",
                                        "2013-03-07T25:00:00",
                                        "now",
                                        "2013-03-07T00:00")
                                .map(v -> a + "='" + v + "'")));
        Arbitrary<String> seq = Arbitraries.oneOf(
                Arbitraries.just(""), Arbitraries.of("seqnr='abc'", "seqnr=''", "seqnr='1.5'", "seqnr='99999999999'"));
        // either the seqnr is missing/bad, or it is fine and another attribute is bad
        return Combinators.combine(Arbitraries.integers(), seq, good, bad, Arbitraries.of(true, false))
                .as((n, s, g, b, breakSeqnr) -> "<req xmlns='urn:xmpp:iot:sensordata' "
                        + (breakSeqnr ? s : "seqnr='" + n + "' " + b) + " " + g + "/>");
    }

    @Provide
    Arbitrary<Fields> fields() {
        Arbitrary<TimestampFields> ts = Combinators.combine(
                        dateTime(), field().list().ofMinSize(1).ofMaxSize(5))
                .as(TimestampFields::new);
        Arbitrary<NodeFields> node = Combinators.combine(
                        nodeRef(), ts.list().ofMinSize(1).ofMaxSize(3))
                .as(NodeFields::new);
        return Combinators.combine(
                        Arbitraries.integers(),
                        Arbitraries.of(true, false),
                        node.list().ofMaxSize(3))
                .as(Fields::new);
    }

    private Arbitrary<NodeRef> nodeRef() {
        Arbitrary<String> id =
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> opt =
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6).injectNull(0.5);
        return Combinators.combine(id, opt, opt).as(NodeRef::new);
    }

    private Arbitrary<String> text() {
        // any XML 1.0 character except CR/LF/TAB, which attribute-value normalisation turns into spaces
        return Arbitraries.strings()
                .withCharRange(' ', '\uD7FF')
                .withChars("&<>'\"°µ€")
                .ofMaxLength(20);
    }

    private Arbitrary<DateTimeValue> dateTime() {
        Arbitrary<LocalDateTime> ldt = Arbitraries.longs()
                .between(0, 4_000_000_000L)
                .flatMap(s -> Arbitraries.integers()
                        .between(0, 999_999_999)
                        .map(n -> LocalDateTime.ofEpochSecond(s, n, ZoneOffset.UTC)));
        Arbitrary<ZoneOffset> zone = Arbitraries.integers()
                .between(-14 * 4, 14 * 4)
                .map(q -> ZoneOffset.ofTotalSeconds(q * 900))
                .injectNull(0.3);
        return Combinators.combine(ldt, zone).as(DateTimeValue::new);
    }

    private Arbitrary<Value> value() {
        return Arbitraries.oneOf(
                Arbitraries.of(true, false).map(BooleanValue::of),
                Arbitraries.integers().map(IntValue::new),
                Arbitraries.longs().map(LongValue::new),
                Arbitraries.bigDecimals()
                        .ofScale(3)
                        .between(new java.math.BigDecimal("-1e9"), new java.math.BigDecimal("1e9"))
                        .map(d -> (Value) NumericValue.of(d, "°C")),
                Arbitraries.of("INF", "-INF", "NaN", "1e3", "0.10").map(l -> (Value) NumericValue.of(l, "")),
                text().map(s -> (Value) new StringValue(s)),
                Combinators.combine(text(), text()).as((v, d) -> (Value) new EnumValue(v, d)),
                dateTime().map(v -> (Value) v),
                Arbitraries.integers().between(0, 2_900_000).map(d -> (Value) DateValue.of(LocalDate.ofEpochDay(d))),
                Arbitraries.integers().between(0, 86_399).map(s -> (Value) TimeValue.of(LocalTime.ofSecondOfDay(s))),
                Arbitraries.longs().between(0, 10_000_000).map(s ->
                        (Value) DurationValue.of(java.time.Duration.ofSeconds(s))));
    }

    private Arbitrary<Field> field() {
        Arbitrary<Set<FieldCategory>> cats = Arbitraries.of(FieldCategory.class)
                .set()
                .ofMaxSize(4)
                .map(s -> s.isEmpty() ? EnumSet.noneOf(FieldCategory.class) : EnumSet.copyOf(s));
        Arbitrary<Set<QualityFlag>> flags = Arbitraries.of(QualityFlag.class)
                .set()
                .ofMaxSize(3)
                .map(s -> s.isEmpty() ? EnumSet.noneOf(QualityFlag.class) : EnumSet.copyOf(s));
        Arbitrary<Localization> loc = Combinators.combine(
                        Arbitraries.strings().alpha().ofMaxLength(8).injectNull(0.6),
                        Arbitraries.of("1", "1,2", "3||A1", "4||A1,5||3").injectNull(0.6))
                .as(Localization::new);
        Arbitrary<String> name = text().filter(s -> !s.isEmpty());
        return Combinators.combine(
                        name,
                        value(),
                        cats,
                        flags,
                        loc,
                        Arbitraries.of(true, false).injectNull(0.5))
                .as(Field::new);
    }

    @Property(tries = 50)
    void requestsRoundTrip(@ForAll int seqnr) throws Exception {
        ReadoutRequest r = ReadoutRequest.builder()
                .momentary()
                .historical()
                .nodes(NodeRef.of("N", "S", "C"))
                .fields("A", "B")
                .from(DateTimeValue.parse("2013-03-07T00:00:00"))
                .build();
        io.github.xmppiot.sensordata.element.Req req = new io.github.xmppiot.sensordata.element.Req(seqnr, r);
        req.setTo(org.jxmpp.jid.impl.JidCreate.from("t@example.org/r"));
        IQ back = PacketParserUtils.parseStanza(req.toXML().toString());
        assertThat(back).isInstanceOfSatisfying(io.github.xmppiot.sensordata.element.Req.class, b -> {
            assertThat(b.seqnr()).isEqualTo(seqnr);
            assertThat(b.request()).isEqualTo(r);
        });
        assertThat(List.of(back.getChildElementName())).containsExactly("req");
    }
}

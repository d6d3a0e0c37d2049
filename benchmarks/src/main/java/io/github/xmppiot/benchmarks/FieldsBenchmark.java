package io.github.xmppiot.benchmarks;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.sensordata.element.Fields;
import io.github.xmppiot.sensordata.element.NodeFields;
import io.github.xmppiot.sensordata.element.TimestampFields;
import io.github.xmppiot.sensordata.provider.FieldsProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smackx.iot.data.element.IoTDataField;
import org.jivesoftware.smackx.iot.data.element.IoTFieldsExtension;
import org.jivesoftware.smackx.iot.data.element.NodeElement;
import org.jivesoftware.smackx.iot.data.element.TimestampElement;
import org.jivesoftware.smackx.iot.data.provider.IoTFieldsExtensionProvider;
import org.jivesoftware.smackx.iot.element.NodeInfo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parsing and serialising a XEP-0323 {@code fields} message of ten momentary fields (five {@code int}, five
 * {@code boolean}: the types Smack supports) in one node and one timestamp (XEP-0323 §3.2, example 3), with
 * xmpp-iot's {@link FieldsProvider} / {@link Fields} and with Smack's {@link IoTFieldsExtensionProvider} /
 * {@link IoTFieldsExtension}.
 *
 * <p>Providers are called directly, never through the {@code ProviderManager}, and smack-experimental's initializer is
 * disabled in the fork ({@link SmackIsolation}). Each parser reads the XML its own serialiser writes (ours marks
 * fields {@code momentary='true'}, Smack's writes no category); {@code parseOursSmackXml} reads Smack's XML with our
 * provider, so the two parsers are also compared on identical input. Parsing includes creating the XPP3 parser, as
 * Smack does once per stanza.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = SmackIsolation.JVM_ARG)
public class FieldsBenchmark {

    /** Number of fields in the message. */
    public static final int FIELD_COUNT = 10;

    private static final Instant TIME = Instant.parse("2026-11-22T10:15:30Z");

    private final FieldsProvider ourProvider = new FieldsProvider();
    private final IoTFieldsExtensionProvider smackProvider = new IoTFieldsExtensionProvider();

    /** Our element, built once. */
    Fields ours;
    /** Smack's element, built once. */
    IoTFieldsExtension smack;
    /** What our serialiser writes for {@link #ours}. */
    String oursXml;
    /** What Smack's serialiser writes for {@link #smack}. */
    String smackXml;

    /** Builds both elements and their XML; verifies that both parsers read all ten fields. */
    @Setup
    public void setUp() throws Exception {
        SmackIsolation.verifyDisabled();
        ours = oursElement();
        smack = smackElement();
        oursXml = ours.toXML().toString();
        smackXml = smack.toXML().toString();
        int a = parseOurs().fieldCount();
        int b = smackProvider
                .parse(PacketParserUtils.getParserFor(smackXml))
                .getNodes()
                .get(0)
                .getTimestampElements()
                .get(0)
                .getDataFields()
                .size();
        int c = parseOursSmackXml().fieldCount();
        if (a != FIELD_COUNT || b != FIELD_COUNT || c != FIELD_COUNT) {
            throw new IllegalStateException("parsed " + a + "/" + b + "/" + c + " fields, expected " + FIELD_COUNT);
        }
    }

    /** @return the message as xmpp-iot's element */
    static Fields oursElement() {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < FIELD_COUNT; i++) {
            fields.add(
                    i % 2 == 0
                            ? Field.momentary("Int" + i, new IntValue(1000 + i))
                            : Field.momentary("Bool" + i, BooleanValue.of(i % 3 == 0)));
        }
        return new Fields(
                42,
                true,
                List.of(new NodeFields(
                        NodeRef.of("Device01"), List.of(new TimestampFields(DateTimeValue.of(TIME), fields)))));
    }

    /** @return the same message as Smack's element */
    static IoTFieldsExtension smackElement() {
        List<IoTDataField> fields = new ArrayList<>();
        for (int i = 0; i < FIELD_COUNT; i++) {
            fields.add(
                    i % 2 == 0
                            ? new IoTDataField.IntField("Int" + i, 1000 + i)
                            : new IoTDataField.BooleanField("Bool" + i, i % 3 == 0));
        }
        return new IoTFieldsExtension(
                42,
                true,
                new NodeElement(new NodeInfo("Device01", null, null), new TimestampElement(Date.from(TIME), fields)));
    }

    /** @return our provider's parse of our XML */
    @Benchmark
    public Fields parseOurs() throws Exception {
        return ourProvider.parse(PacketParserUtils.getParserFor(oursXml));
    }

    /** @return our provider's parse of Smack's XML (identical input to {@link #parseSmack()}) */
    @Benchmark
    public Fields parseOursSmackXml() throws Exception {
        return ourProvider.parse(PacketParserUtils.getParserFor(smackXml));
    }

    /** @return Smack's provider's parse of Smack's XML */
    @Benchmark
    public IoTFieldsExtension parseSmack() throws Exception {
        return smackProvider.parse(PacketParserUtils.getParserFor(smackXml));
    }

    /** @return our element as an XML string */
    @Benchmark
    public String serialiseOurs() {
        return ours.toXML().toString();
    }

    /** @return Smack's element as an XML string */
    @Benchmark
    public String serialiseSmack() {
        return smack.toXML().toString();
    }
}

package io.github.xmppiot.benchmarks;

import io.github.xmppiot.control.element.ControlSet;
import io.github.xmppiot.control.element.SetRequest;
import io.github.xmppiot.control.provider.SetRequestProvider;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.DoubleValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.LongValue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.IqData;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smackx.iot.control.element.IoTSetRequest;
import org.jivesoftware.smackx.iot.control.element.SetBoolData;
import org.jivesoftware.smackx.iot.control.element.SetData;
import org.jivesoftware.smackx.iot.control.element.SetDoubleData;
import org.jivesoftware.smackx.iot.control.element.SetIntData;
import org.jivesoftware.smackx.iot.control.element.SetLongData;
import org.jivesoftware.smackx.iot.control.provider.IoTSetRequestProvider;
import org.jxmpp.jid.impl.JidCreate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parsing and serialising a XEP-0325 {@code set} request (§3.2) with eight parameters, two of each type Smack supports
 * ({@code boolean}, {@code int}, {@code long}, {@code double}), with xmpp-iot's {@link SetRequestProvider} /
 * {@link SetRequest} and with Smack's {@link IoTSetRequestProvider} / {@link IoTSetRequest}.
 *
 * <p>Providers are called directly with the parser on the {@code set} element, as Smack's stanza parser calls an IQ
 * provider; smack-experimental's initializer is disabled in the fork ({@link SmackIsolation}). Each parser reads the
 * child element its own serialiser writes: ours writes the spec's {@code <boolean/>}, Smack writes {@code <bool/>},
 * which is the only difference. {@code parseOursSmackXml} reads Smack's XML with our (lenient) provider.
 * Serialising writes the whole {@code <iq/>} for both.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = SmackIsolation.JVM_ARG)
public class ControlSetBenchmark {

    /** Number of parameters in the request. */
    public static final int PARAMETER_COUNT = 8;

    private final SetRequestProvider ourProvider = SetRequestProvider.INSTANCE;
    private final IoTSetRequestProvider smackProvider = new IoTSetRequestProvider();
    private final IqData iqData = StanzaBuilder.buildIqData("bench-1").ofType(IQ.Type.set);

    /** Our request, built once. */
    SetRequest ours;
    /** Smack's request, built once. */
    IoTSetRequest smack;
    /** Our {@code set} child element as XML. */
    String oursXml;
    /** Smack's {@code set} child element as XML. */
    String smackXml;

    /** Builds both requests and their XML; verifies that both parsers read all parameters. */
    @Setup
    public void setUp() throws Exception {
        SmackIsolation.verifyDisabled();
        ours = oursRequest();
        smack = smackRequest();
        oursXml = ours.getChildElementXML().toString();
        smackXml = smack.getChildElementXML().toString();
        int a = ((SetRequest) parseOurs()).controlSet().parameters().size();
        int b = parseSmack().getSetData().size();
        int c = ((SetRequest) parseOursSmackXml()).controlSet().parameters().size();
        if (a != PARAMETER_COUNT || b != PARAMETER_COUNT || c != PARAMETER_COUNT) {
            throw new IllegalStateException(
                    "parsed " + a + "/" + b + "/" + c + " parameters, expected " + PARAMETER_COUNT);
        }
    }

    /** @return the request as xmpp-iot's IQ */
    static SetRequest oursRequest() throws Exception {
        ControlSet set = ControlSet.builder()
                .parameter("Output1", BooleanValue.of(true))
                .parameter("Output2", BooleanValue.of(false))
                .parameter("Level1", new IntValue(42))
                .parameter("Level2", new IntValue(-7))
                .parameter("Counter1", new LongValue(9_000_000_000L))
                .parameter("Counter2", new LongValue(12L))
                .parameter("Setpoint1", new DoubleValue(21.5))
                .parameter("Setpoint2", new DoubleValue(0.25))
                .build();
        SetRequest iq = new SetRequest(set);
        iq.setStanzaId("bench-1");
        iq.setTo(JidCreate.from("thing@localhost/device"));
        return iq;
    }

    /** @return the same request as Smack's IQ */
    static IoTSetRequest smackRequest() throws Exception {
        List<SetData> data = new ArrayList<>();
        data.add(new SetBoolData("Output1", true));
        data.add(new SetBoolData("Output2", false));
        data.add(new SetIntData("Level1", 42));
        data.add(new SetIntData("Level2", -7));
        data.add(new SetLongData("Counter1", 9_000_000_000L));
        data.add(new SetLongData("Counter2", 12L));
        data.add(new SetDoubleData("Setpoint1", 21.5));
        data.add(new SetDoubleData("Setpoint2", 0.25));
        IoTSetRequest iq = new IoTSetRequest(data);
        iq.setStanzaId("bench-1");
        iq.setTo(JidCreate.from("thing@localhost/device"));
        return iq;
    }

    /** @return our provider's parse of our XML */
    @Benchmark
    public IQ parseOurs() throws Exception {
        return ourProvider.parse(PacketParserUtils.getParserFor(oursXml), iqData);
    }

    /** @return our provider's parse of Smack's XML (identical input to {@link #parseSmack()}) */
    @Benchmark
    public IQ parseOursSmackXml() throws Exception {
        return ourProvider.parse(PacketParserUtils.getParserFor(smackXml), iqData);
    }

    /** @return Smack's provider's parse of Smack's XML */
    @Benchmark
    public IoTSetRequest parseSmack() throws Exception {
        return smackProvider.parse(PacketParserUtils.getParserFor(smackXml), iqData);
    }

    /** @return our request as an XML string */
    @Benchmark
    public String serialiseOurs() {
        return ours.toXML().toString();
    }

    /** @return Smack's request as an XML string */
    @Benchmark
    public String serialiseSmack() {
        return smack.toXML().toString();
    }
}

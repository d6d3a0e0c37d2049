package io.github.xmppiot.control;

import static io.github.xmppiot.control.Fixtures.CLIENT;
import static io.github.xmppiot.control.Fixtures.failure;
import static io.github.xmppiot.control.Fixtures.processor;
import static io.github.xmppiot.control.Fixtures.set;
import static io.github.xmppiot.control.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.control.element.ParamError;
import io.github.xmppiot.control.provider.ControlProviders;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.thing.ControlParameter;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.testkit.XepExamples;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.jivesoftware.smack.packet.StanzaError.Condition;
import org.jivesoftware.smack.packet.StanzaError.Type;
import org.junit.jupiter.api.Test;

/** The Thing-side logic of {@code set}, without a network. */
class ControlProcessorTest {

    static {
        ControlProviders.register();
    }

    private final Devices devices = new Devices();

    @Test
    void everyControlTypeIsAppliedInDocumentOrder() throws Exception {
        Fixtures.Processor p = processor(ThingDirectory.of(devices.allTypes("Device01")));
        SetResult r = value(p.set(
                CLIENT,
                set("<set xmlns='urn:xmpp:iot:control'>"
                        + "<time name='time' value='23:59:58.5'/><boolean name='boolean' value='1'/>"
                        + "<color name='color' value='3399ffc0'/><date name='date' value='2024-02-29'/>"
                        + "<dateTime name='dateTime' value='2013-04-02T08:00:00+02:00'/><double name='double' value='-1.5E3'/>"
                        + "<duration name='duration' value='P1Y2M3DT4H5M6.7S'/><int name='int' value='-2147483648'/>"
                        + "<long name='long' value='9223372036854775807'/><string name='string' value='Temperature: 21.4 °C'/>"
                        + "</set>")));
        assertThat(r).isEqualTo(SetResult.asRequested());
        assertThat(devices.writes)
                .containsExactly(
                        "Device01/time=23:59:58.5",
                        "Device01/boolean=true",
                        "Device01/color=3399FFC0",
                        "Device01/date=2024-02-29",
                        "Device01/dateTime=2013-04-02T08:00:00+02:00",
                        "Device01/double=-1500.0",
                        "Device01/duration=P1Y2M3DT4H5M6.7S",
                        "Device01/int=-2147483648",
                        "Device01/long=9223372036854775807",
                        "Device01/string=Temperature: 21.4 °C");
    }

    @Test
    void parametersAreWrittenInTheOrderOfTheRequest() throws Exception {
        Fixtures.Processor p = processor(ThingDirectory.of(devices.dimmer("Dimmer")));
        value(p.set(CLIENT, Examples14.set()));
        assertThat(devices.writes).containsExactly("Dimmer/FadeTimeMilliseconds=500", "Dimmer/OutputPercent=10");
        devices.writes.clear();
        value(p.set(
                CLIENT,
                set("<set xmlns='urn:xmpp:iot:control'><int name='OutputPercent' value='20'/>"
                        + "<int name='FadeTimeMilliseconds' value='100'/></set>")));
        assertThat(devices.writes).containsExactly("Dimmer/OutputPercent=20", "Dimmer/FadeTimeMilliseconds=100");
    }

    @Test
    void anyBadValueChangesNothingAndEveryBadParameterIsNamed() throws Exception {
        Fixtures.Processor p = processor(ThingDirectory.of(devices.dimmer("Dimmer")));
        IotErrorException e = failure(p.set(
                CLIENT,
                set("<set xmlns='urn:xmpp:iot:control'>"
                        + "<int name='FadeTimeMilliseconds' value='500'/><int name='OutputPercent' value='200'/>"
                        + "<boolean name='MainSwitch' value='yes'/></set>")));
        assertThat(e.condition()).isEqualTo(Condition.bad_request);
        assertThat(e.type()).isEqualTo(Type.MODIFY);
        assertThat(errors(e)).containsOnlyKeys("OutputPercent", "MainSwitch");
        assertThat(errors(e).get("OutputPercent")).contains("maximum 100");
        assertThat(devices.writes).isEmpty();
        assertThat(devices.state.get("Dimmer/FadeTimeMilliseconds")).isEqualTo(new IntValue(300));
    }

    @Test
    void aValueOfTheWrongTypeIsABadRequest() throws Exception {
        Fixtures.Processor p = processor(ThingDirectory.of(devices.analogOutput("AnalogOutput1")));
        IotErrorException e = failure(
                p.set(CLIENT, set("<set xmlns='urn:xmpp:iot:control'><boolean name='Output' value='true'/></set>")));
        assertThat(e.condition()).isEqualTo(Condition.bad_request);
        assertThat(errors(e).get("Output")).contains("expected a int value");
    }

    @Test
    void unknownParameterIsItemNotFoundAndChangesNothing() throws Exception {
        Fixtures.Processor p = processor(ThingDirectory.of(devices.dimmer("Dimmer")));
        IotErrorException e = failure(p.set(
                CLIENT,
                set("<set xmlns='urn:xmpp:iot:control'>"
                        + "<int name='OutputPercent' value='20'/><int name='Brightness' value='1'/></set>")));
        assertThat(e.condition()).isEqualTo(Condition.item_not_found);
        assertThat(e.type()).isEqualTo(Type.CANCEL);
        assertThat(errors(e)).containsOnlyKeys("Brightness");
        assertThat(devices.writes).isEmpty();
    }

    @Test
    void lockedParameterIsAWaitConflict() throws Exception {
        Thing t = Thing.builder("Lock")
                .parameter(devices.param("Lock", "Output", ValueType.BOOLEAN, BooleanValue.FALSE)
                        .lockedWhen(() -> true)
                        .build())
                .build();
        IotErrorException e = failure(processor(ThingDirectory.of(t))
                .set(CLIENT, set("<set xmlns='urn:xmpp:iot:control'><boolean name='Output' value='true'/></set>")));
        assertThat(e.condition()).isEqualTo(Condition.conflict);
        assertThat(e.type()).isEqualTo(Type.WAIT);
        assertThat(devices.writes).isEmpty();
    }

    @Test
    void refusedAccessIsForbiddenAndTheRequestReachesThePolicy() throws Exception {
        AtomicReference<AccessRequest> asked = new AtomicReference<>();
        Fixtures.Processor p = processor(ThingDirectory.of(devices.dimmer("Dimmer")), r -> {
            asked.set(r);
            return CompletableFuture.completedFuture(AccessDecision.deny());
        });
        IotErrorException e = failure(p.set(
                CLIENT,
                set("<set xmlns='urn:xmpp:iot:control' userToken='u1'>"
                        + "<int name='OutputPercent' value='20'/></set>")));
        assertThat(e.condition()).isEqualTo(Condition.forbidden);
        assertThat(e.type()).isEqualTo(Type.CANCEL);
        assertThat(asked.get().kind()).isEqualTo(AccessRequest.Kind.CONTROL);
        assertThat(asked.get().names()).containsExactly("OutputPercent");
        assertThat(asked.get().tokens().userTokens()).containsExactly("u1");
        assertThat(devices.writes).isEmpty();
    }

    @Test
    void aNarrowedDecisionIsExecutedAsNarrowedAndReported() throws Exception {
        Fixtures.Processor p = processor(
                ThingDirectory.of(devices.dimmer("Dimmer")),
                r -> CompletableFuture.completedFuture(AccessDecision.allowOnly(List.of(), Set.of("OutputPercent"))));
        SetResult r = value(p.set(CLIENT, Examples14.set()));
        assertThat(r.parameters()).containsExactly("OutputPercent");
        assertThat(r.nodes()).isEmpty();
        assertThat(devices.writes).containsExactly("Dimmer/OutputPercent=10");

        ThingDirectory hub = ThingDirectory.of(devices.digitalOutput("DO1"), devices.digitalOutput("DO2"));
        devices.writes.clear();
        SetResult n = value(processor(
                        hub,
                        q -> CompletableFuture.completedFuture(
                                AccessDecision.allowOnly(List.of(NodeRef.of("DO2")), Set.of())))
                .set(
                        CLIENT,
                        set("<set xmlns='urn:xmpp:iot:control'><node nodeId='DO1'/><node nodeId='DO2'/>"
                                + "<boolean name='Output' value='true'/></set>")));
        assertThat(n.nodes()).containsExactly(NodeRef.of("DO2"));
        assertThat(devices.writes).containsExactly("DO2/Output=true");
    }

    @Test
    void severalNodesAreAllValidatedBeforeAnythingHappens() throws Exception {
        ThingDirectory hub = ThingDirectory.of(
                devices.digitalOutput("DigitalOutput1"),
                devices.digitalOutput("DigitalOutput2"),
                devices.analogOutput("AnalogOutput1"));
        Fixtures.Processor p = processor(hub);
        IotErrorException e = failure(
                p.set(
                        CLIENT,
                        set(
                                "<set xmlns='urn:xmpp:iot:control'><node nodeId='DigitalOutput1'/>"
                                        + "<node nodeId='DigitalOutput2'/><node nodeId='AnalogOutput1'/><boolean name='Output' value='true'/></set>")));
        assertThat(e.condition()).isEqualTo(Condition.bad_request);
        assertThat(errors(e)).containsOnlyKeys("Output");
        assertThat(devices.writes).isEmpty();

        value(p.set(
                CLIENT,
                set("<set xmlns='urn:xmpp:iot:control'><node nodeId='DigitalOutput1'/>"
                        + "<node nodeId='DigitalOutput2'/><boolean name='Output' value='true'/></set>")));
        assertThat(devices.writes).containsExactly("DigitalOutput1/Output=true", "DigitalOutput2/Output=true");
    }

    @Test
    void withoutNodeTheOnlyThingIsAddressedAndSeveralThingsNeedNodes() throws Exception {
        value(processor(ThingDirectory.of(devices.digitalOutput("Only")))
                .set(CLIENT, set("<set xmlns='urn:xmpp:iot:control'><boolean name='Output' value='true'/></set>")));
        assertThat(devices.writes).containsExactly("Only/Output=true");

        ThingDirectory hub = ThingDirectory.of(devices.digitalOutput("A"), devices.digitalOutput("B"));
        IotErrorException e = failure(processor(hub)
                .set(CLIENT, set("<set xmlns='urn:xmpp:iot:control'><boolean name='Output' value='true'/></set>")));
        assertThat(e.condition()).isEqualTo(Condition.bad_request);
        IotErrorException unknown = failure(processor(hub)
                .set(
                        CLIENT,
                        set("<set xmlns='urn:xmpp:iot:control'>"
                                + "<node nodeId='C'/><boolean name='Output' value='true'/></set>")));
        assertThat(unknown.condition()).isEqualTo(Condition.item_not_found);
        assertThat(devices.writes).containsExactly("Only/Output=true");
    }

    @Test
    void aFormSubmissionWritesOnlyTheSubmittedFieldsTypedByTheDeclarations() throws Exception {
        Fixtures.Processor p = processor(ThingDirectory.of(devices.dimmer("Dimmer")));
        value(p.set(
                CLIENT,
                ((io.github.xmppiot.control.element.SetRequest)
                                XepExamples.stanzas("xep-0325-example-17.xml").get(0))
                        .controlSet()));
        assertThat(devices.writes).containsExactly("Dimmer/FadeTimeMilliseconds=500", "Dimmer/OutputPercent=10");
        assertThat(devices.state.get("Dimmer/MainSwitch")).isEqualTo(BooleanValue.TRUE);

        devices.writes.clear();
        IotErrorException e = failure(p.set(
                CLIENT,
                ((io.github.xmppiot.control.element.SetRequest) XepExamples.stanzas("xep-0325-example-18-fixed.xml")
                                .get(0))
                        .controlSet()));
        assertThat(errors(e)).containsOnlyKeys("OutputPercent");
        IotErrorException bool = failure(p.set(
                CLIENT,
                set("<set xmlns='urn:xmpp:iot:control'><x xmlns='jabber:x:data'"
                        + " type='submit'><field var='MainSwitch' type='boolean'><value>yes</value></field>"
                        + "<field var='OutputPercent'><value>1</value><value>2</value></field></x></set>")));
        assertThat(errors(bool)).containsOnlyKeys("MainSwitch", "OutputPercent");
        assertThat(devices.writes).isEmpty();
    }

    @Test
    void aFailingActionIsReportedAndLaterRequestsStillRun() throws Exception {
        Thing t = Thing.builder("T")
                .parameter(ControlParameter.builder("Output", ValueType.BOOLEAN)
                        .onSet(v -> {
                            throw new IllegalStateException("relay stuck");
                        })
                        .build())
                .parameter(devices.param("T", "Other", ValueType.INT, new IntValue(0))
                        .build())
                .build();
        Fixtures.Processor p = processor(ThingDirectory.of(t));
        CompletableFuture<SetResult> f =
                p.set(CLIENT, set("<set xmlns='urn:xmpp:iot:control'><boolean name='Output' value='true'/></set>"));
        assertThat(f)
                .failsWithin(java.time.Duration.ofSeconds(5))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withMessageContaining("relay stuck");
        value(p.set(CLIENT, set("<set xmlns='urn:xmpp:iot:control'><int name='Other' value='3'/></set>")));
        assertThat(devices.writes).containsExactly("T/Other=3");
    }

    static Map<String, String> errors(IotErrorException e) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        e.extensions().forEach(x -> m.put(((ParamError) x).var(), ((ParamError) x).text()));
        return m;
    }

    /** Example 14: fade time, then output level. */
    static final class Examples14 {
        static io.github.xmppiot.control.element.ControlSet set() throws Exception {
            return (io.github.xmppiot.control.element.ControlSet) XepExamples.stanzas("xep-0325-example-14.xml")
                    .get(0)
                    .getExtensionElement("set", "urn:xmpp:iot:control");
        }
    }
}

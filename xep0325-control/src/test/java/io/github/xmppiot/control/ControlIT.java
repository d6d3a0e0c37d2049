package io.github.xmppiot.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.thing.ControlParameter;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.ColorValue;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.value.DateValue;
import io.github.xmppiot.core.value.DurationValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.TimeValue;
import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.hal.DigitalLevel;
import io.github.xmppiot.hal.HalContext;
import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.driver.DimmableLed;
import io.github.xmppiot.hal.driver.SwitchedOutput;
import io.github.xmppiot.hal.mock.MockHal;
import io.github.xmppiot.testkit.Friendship;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityFullJid;

/** XEP-0325 between two real clients on Prosody. */
@ProsodyTest
class ControlIT {

    private static final int RELAY_PIN = 17;
    private static final int LED_PIN = 27;
    private static final int DIMMER_PIN = 18;

    private final Devices devices = new Devices();
    private final MockHal board = MockHal.create();
    private HalContext hal;

    @AfterEach
    void closeHal() {
        if (hal != null) {
            hal.close();
        }
    }

    /**
     * A relay and an LED (HAL mock digital outputs), a dimmer (HAL mock PWM, int 0..100), a colour and one parameter
     * of every other type (plain state).
     */
    private Thing actuator() throws HalException {
        hal = board.open();
        SwitchedOutput relay =
                SwitchedOutput.open(hal, new SwitchedOutput.Config(SwitchedOutput.Preset.RELAY, RELAY_PIN, false));
        SwitchedOutput led =
                SwitchedOutput.open(hal, new SwitchedOutput.Config(SwitchedOutput.Preset.LED, LED_PIN, false));
        DimmableLed dimmer = DimmableLed.open(hal, new DimmableLed.Config(DIMMER_PIN, 1000));
        Thing all = devices.allTypes("Device01");
        Thing.Builder b = Thing.builder("Device01")
                .parameter(hal(
                                "Relay",
                                ValueType.BOOLEAN,
                                () -> BooleanValue.of(relay.isOn()),
                                v -> relay.set(((BooleanValue) v).value()))
                        .build())
                .parameter(hal(
                                "Led",
                                ValueType.BOOLEAN,
                                () -> BooleanValue.of(led.isOn()),
                                v -> led.set(((BooleanValue) v).value()))
                        .build())
                .parameter(hal(
                                "OutputPercent",
                                ValueType.INT,
                                () -> new IntValue(dimmer.brightness()),
                                v -> dimmer.setBrightness(((IntValue) v).value()))
                        .range(new IntValue(0), new IntValue(100))
                        .label("Output (%):")
                        .page("Dimmer")
                        .build())
                .parameter(devices.param("Device01", "Color", ValueType.COLOR, ColorValue.rgb(0, 0, 0))
                        .build());
        all.parameters().forEach(b::parameter);
        return b.build();
    }

    /** A parameter driving the HAL mock; applied writes are logged like those of {@link Devices}. */
    private ControlParameter.Builder hal(String name, ValueType type, Supplier<Value> current, HalAction action) {
        return ControlParameter.builder(name, type).current(current).onSet(v -> {
            try {
                action.apply(v);
            } catch (HalException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            devices.writes.add("Device01/" + name + "=" + v.lexical());
        });
    }

    @FunctionalInterface
    private interface HalAction {
        void apply(Value v) throws HalException;
    }

    private double dimmerDuty() {
        return board.pin(DIMMER_PIN).pwm().orElseThrow().dutyCyclePercent();
    }

    private ControlClient controllerOf(ProsodyServer server, XMPPTCPConnection thing, Thing... things)
            throws Exception {
        ControlServer.getInstanceFor(thing).update(s -> s.things(ThingDirectory.of(things)));
        XMPPTCPConnection client = server.connect("client");
        Friendship.establish(thing, client, java.time.Duration.ofSeconds(10));
        return ControlClient.getInstanceFor(client);
    }

    @Test
    void everyTypeIsSetOverIqAndTheFeatureIsAdvertised(ProsodyServer server) throws Exception {
        XMPPTCPConnection thing = server.connect("thing");
        ControlClient client = controllerOf(server, thing, actuator());
        EntityFullJid to = thing.getUser();

        assertThat(get(client.set(to, "Relay", true))).isEqualTo(SetResult.asRequested());
        get(client.set(to, "Led", true));
        get(client.set(to, "Color", ColorValue.parse("3399FF")));
        get(client.set(to, "OutputPercent", 75));
        get(client.set(to, "long", 500_000_000_000_000L));
        get(client.set(to, "double", 8.192));
        get(client.set(to, "string", "Temperature: 21.4 °C <ok> & 'fine'"));
        get(client.set(
                to,
                ControlRequest.builder()
                        .set("date", DateValue.parse("2013-05-01"))
                        .set("time", TimeValue.parse("08:00:00"))
                        .set("dateTime", DateTimeValue.parse("2013-04-02T08:00:00"))
                        .set("duration", DurationValue.parse("PT3M30S"))
                        .set("color", ColorValue.parse("9400D3C0"))
                        .set("boolean", true)
                        .set("int", -5)
                        .build()));

        assertThat(board.pin(RELAY_PIN).level()).isEqualTo(DigitalLevel.HIGH);
        assertThat(board.pin(LED_PIN).level()).isEqualTo(DigitalLevel.HIGH);
        assertThat(dimmerDuty()).isEqualTo(75.0);
        assertThat(devices.state)
                .containsEntry("Device01/Color", ColorValue.rgb(0x33, 0x99, 0xFF))
                .containsEntry(
                        "Device01/string",
                        io.github.xmppiot.core.value.StringValue.of("Temperature: 21.4 °C <ok> & 'fine'"))
                .containsEntry("Device01/duration", DurationValue.parse("PT3M30S"))
                .containsEntry("Device01/color", ColorValue.rgba(0x94, 0x00, 0xD3, 0xC0));
        assertThat(devices.writes)
                .endsWith(
                        "Device01/date=2013-05-01",
                        "Device01/time=08:00:00",
                        "Device01/dateTime=2013-04-02T08:00:00",
                        "Device01/duration=PT3M30S",
                        "Device01/color=9400D3C0",
                        "Device01/boolean=true",
                        "Device01/int=-5");
        assertThat(ServiceDiscoveryManager.getInstanceFor(server.connect("observer"))
                        .supportsFeature(to, ControlServer.NAMESPACE))
                .isTrue();
    }

    @Test
    void aFormIsFetchedEditedAndSubmitted(ProsodyServer server) throws Exception {
        XMPPTCPConnection thing = server.connect("thing");
        ControlClient client = controllerOf(server, thing, actuator());
        get(client.set(thing.getUser(), "OutputPercent", 30));
        devices.writes.clear();

        ControlForm form = get(client.getForm(thing.getUser()));
        ParameterDescription dimmer = form.parameter("OutputPercent").orElseThrow();
        assertThat(dimmer.type()).isEqualTo(ValueType.INT);
        assertThat(dimmer.max()).isEqualTo(new IntValue(100));
        assertThat(dimmer.current()).isEqualTo(new IntValue(30));
        assertThat(dimmer.page()).isEqualTo("Dimmer");
        assertThat(dimmer.label()).isEqualTo("Output (%):");
        assertThat(form.parameter("Color").orElseThrow().type()).isEqualTo(ValueType.COLOR);
        assertThat(form.parameters()).allMatch(ParameterDescription::notSame);

        get(client.submit(form.edit().set("OutputPercent", 42).set("Relay", true)));
        assertThat(devices.writes).containsExactly("Device01/Relay=true", "Device01/OutputPercent=42");
        assertThat(board.pin(RELAY_PIN).level()).isEqualTo(DigitalLevel.HIGH);
        assertThat(dimmerDuty()).isEqualTo(42.0);

        ControlException e = failure(client.submit(form.edit().set("OutputPercent", 101)));
        assertThat(e.condition()).isEqualTo(StanzaError.Condition.bad_request);
        assertThat(e.parameterErrors()).containsOnlyKeys("OutputPercent");
        assertThat(dimmerDuty()).isEqualTo(42.0);
    }

    @Test
    void severalNodesAreSetAllOrNothing(ProsodyServer server) throws Exception {
        XMPPTCPConnection thing = server.connect("thing");
        ControlClient client = controllerOf(
                server, thing, devices.digitalOutput("DO1"), devices.digitalOutput("DO2"), devices.analogOutput("AO1"));
        Map<String, Object> before = new HashMap<>(devices.state);

        ControlException e = failure(client.set(
                thing.getUser(),
                ControlRequest.builder()
                        .node("DO1")
                        .node("DO2")
                        .node("AO1")
                        .set("Output", true)
                        .build()));
        assertThat(e.condition()).isEqualTo(StanzaError.Condition.bad_request);
        assertThat(e.parameterErrors()).containsOnlyKeys("Output");
        assertThat(devices.state).isEqualTo(before);

        get(client.set(
                thing.getUser(),
                ControlRequest.builder()
                        .node("DO1")
                        .node("DO2")
                        .set("Output", true)
                        .build()));
        assertThat(devices.writes).containsExactly("DO1/Output=true", "DO2/Output=true");

        ControlForm common =
                get(client.getForm(thing.getUser(), Tokens.NONE, List.of(NodeRef.of("DO1"), NodeRef.of("DO2"))));
        assertThat(common.parameters()).extracting(ParameterDescription::name).containsExactly("Output");
        ControlException merge =
                failure(client.getForm(thing.getUser(), Tokens.NONE, List.of(NodeRef.of("DO1"), NodeRef.of("AO1"))));
        assertThat(merge.condition()).isEqualTo(StanzaError.Condition.feature_not_implemented);
    }

    @Test
    void aMessageSetsWithoutAnswer(ProsodyServer server) throws Exception {
        XMPPTCPConnection thing = server.connect("thing");
        ControlClient client = controllerOf(server, thing, actuator());
        CompletableFuture<ControlOutcome> outcome = new CompletableFuture<>();
        ControlServer.getInstanceFor(thing).addOutcomeListener(outcome::complete);

        get(client.setByMessage(
                thing.getUser(),
                ControlRequest.builder()
                        .set("Relay", true)
                        .set("Color", ColorValue.parse("FF8000"))
                        .build()));
        ControlOutcome o = outcome.get(10, TimeUnit.SECONDS);
        assertThat(o.byMessage()).isTrue();
        assertThat(o.succeeded()).isTrue();
        assertThat(devices.writes).containsExactly("Device01/Relay=true", "Device01/Color=FF8000");
        assertThat(board.pin(RELAY_PIN).level()).isEqualTo(DigitalLevel.HIGH);
    }

    @Test
    void strangersAndHostileValuesAreRefusedAndChangeNothing(ProsodyServer server) throws Exception {
        XMPPTCPConnection thing = server.connect("thing");
        ControlClient friend = controllerOf(server, thing, actuator());
        ControlClient stranger = ControlClient.getInstanceFor(server.connect("stranger"));

        ControlException refused = failure(stranger.set(thing.getUser(), "Relay", true));
        assertThat(refused.condition()).isEqualTo(StanzaError.Condition.forbidden);
        assertThat(refused.type()).isEqualTo(StanzaError.Type.CANCEL);
        assertThat(failure(stranger.getForm(thing.getUser())).condition()).isEqualTo(StanzaError.Condition.forbidden);

        ControlException hostile = failure(friend.set(
                thing.getUser(),
                ControlRequest.builder()
                        .set("Relay", true)
                        .set("OutputPercent", 1000)
                        .set("string", "x".repeat(5000))
                        .build()));
        assertThat(hostile.condition()).isEqualTo(StanzaError.Condition.bad_request);
        assertThat(hostile.parameterErrors()).containsOnlyKeys("OutputPercent", "string");
        ControlException unknown = failure(friend.set(thing.getUser(), "Nope", 1));
        assertThat(unknown.condition()).isEqualTo(StanzaError.Condition.item_not_found);
        assertThat(devices.writes).isEmpty();
        assertThat(board.pin(RELAY_PIN).level()).isEqualTo(DigitalLevel.LOW);
    }

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(15, TimeUnit.SECONDS);
    }

    private static ControlException failure(CompletableFuture<?> f) throws Exception {
        try {
            Object v = f.get(15, TimeUnit.SECONDS);
            throw new AssertionError("expected a refusal, got " + v);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(ControlException.class);
            return (ControlException) e.getCause();
        }
    }
}

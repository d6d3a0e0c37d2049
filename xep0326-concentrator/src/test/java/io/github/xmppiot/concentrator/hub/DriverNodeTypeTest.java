package io.github.xmppiot.concentrator.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.concentrator.ConcentratorServerSettings;
import io.github.xmppiot.concentrator.NodeCommandSpec;
import io.github.xmppiot.concentrator.NodeParameterSpec;
import io.github.xmppiot.concentrator.element.CommandType;
import io.github.xmppiot.concentrator.element.QueryEvent;
import io.github.xmppiot.concentrator.element.QueryProgress;
import io.github.xmppiot.concentrator.internal.QueryRunner;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.StringValue;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.hal.driver.Bme280;
import io.github.xmppiot.hal.driver.DriverInfo;
import io.github.xmppiot.hal.driver.ParameterSpec;
import io.github.xmppiot.hal.driver.SwitchedOutput;
import io.github.xmppiot.hal.mock.MockHal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** The one adapter from driver declarations to XEP-0326 node types. */
class DriverNodeTypeTest {

    private static final Executor DIRECT = Runnable::run;

    @Test
    void driverParametersBecomeNodeParameters() throws Exception {
        DriverNodeType bme = new DriverNodeType(
                new Bme280Node(), new HubHardware(MockHal.create().open(), DIRECT));
        assertThat(bme.type()).isEqualTo("bme280");
        assertThat(bme.parameters()).extracting(NodeParameterSpec::id).containsExactly("bus", "address");
        NodeParameterSpec bus = bme.parameters().get(0);
        assertThat(bus.type()).isEqualTo(ValueType.INT);
        assertThat(bus.required()).isFalse();
        assertThat(bus.defaultValue()).isEqualTo(new IntValue(1));
        assertThat(bus.min()).isEqualTo(new IntValue(0));
        assertThat(bus.max()).isEqualTo(new IntValue(10));
        NodeParameterSpec address = bme.parameters().get(1);
        assertThat(address.options()).containsExactly("118", "119");
        assertThat(address.check("119").error()).isNull();
        assertThat(address.check("120").error()).isNotNull();
        assertThat(new DriverNodeType(
                                new SwitchedOutputNode(SwitchedOutput.Preset.RELAY),
                                new HubHardware(MockHal.create().open(), DIRECT))
                        .parameters()
                        .get(0)
                        .required())
                .isTrue();
    }

    @Test
    void patternsOfStringParametersAreCheckedPerField() throws Exception {
        DriverInfo info = new DriverInfo(
                "probe", "Probe", List.of(ParameterSpec.requiredString("serial", "serial number", "[0-9a-f]{12}")));
        DriverNode probe = new DriverNode() {
            @Override
            public DriverInfo info() {
                return info;
            }

            @Override
            public Device open(HubHardware hardware, NodeRef node, Map<String, String> configuration) {
                return Device.of(Thing.builder(node)
                        .meta("serial", configuration.get("serial"))
                        .build());
            }
        };
        DriverNodeType type =
                new DriverNodeType(probe, new HubHardware(MockHal.create().open(), DIRECT));
        assertThat(type.parameters().get(0).description()).contains("[0-9a-f]{12}");
        assertThat(type.check(Map.of("serial", new StringValue("XYZ"))))
                .containsOnlyKeys("serial")
                .extractingByKey("serial")
                .asString()
                .doesNotStartWith("serial:")
                .contains("does not match");
        assertThat(type.check(Map.of("serial", new StringValue("0123456789ab"))))
                .isEmpty();
        assertThat(type.check(Map.of())).containsEntry("serial", "A value is required.");
    }

    @Test
    void devicesAreClosedWhenTheNodeGoes() throws Exception {
        MockHal board = MockHal.create();
        DriverNodeType relay = new DriverNodeType(
                new SwitchedOutputNode(SwitchedOutput.Preset.RELAY), new HubHardware(board.open(), DIRECT));
        Thing t = relay.create(NodeRef.of("R", "MeteringTopology"), Map.of("pin", new IntValue(5)));
        assertThat(relay.openDevices()).isEqualTo(1);
        relay.close(t);
        assertThat(relay.openDevices()).isZero();
        // the pin is free again
        relay.close(relay.create(NodeRef.of("R", "MeteringTopology"), Map.of("pin", new IntValue(5))));
    }

    @Test
    void theBme280NodeReadsItsSimulatedChip() throws Exception {
        MockHal board = MockHal.create();
        DriverNodeType bme = new DriverNodeType(new Bme280Node(), new HubHardware(board.open(), DIRECT));
        bme.create(NodeRef.of("C", "MeteringTopology"), Map.of("address", new IntValue(0x77)));
        assertThat(board.findI2cDevice(1, 0x77)).isPresent();
        assertThat(board.findI2cDevice(1, 0x77).get().registers().get(Bme280.REG_CHIP_ID))
                .isEqualTo(Bme280.CHIP_ID);
    }

    @Test
    void driverNodesOfferAValuesQueryReportingTheirMomentaryValuesAsATable() throws Exception {
        MockHal board = MockHal.create();
        DriverNodeType bme = new DriverNodeType(new Bme280Node(), new HubHardware(board.open(), DIRECT));
        NodeRef node = NodeRef.of("C", "MeteringTopology");
        Thing thing = bme.create(node, Map.of("address", new IntValue(0x76)));
        NodeCommandSpec values = bme.commands().get(0);
        assertThat(values.describe().type()).isEqualTo(CommandType.QUERY);

        List<QueryProgress> sent = new CopyOnWriteArrayList<>();
        QueryRunner runner = new QueryRunner(
                DIRECT,
                (task, delay) -> {},
                (to, p) -> sent.add(p),
                () -> ConcentratorServerSettings.DEFAULT_MAX_RESPONSE_CHARS);
        runner.register("Q1", JidCreate.from("client@example.org/r"), node, thing, values, Map.of());
        runner.release("Q1");
        List<QueryEvent> events =
                sent.stream().flatMap(p -> p.events().stream()).toList();
        assertThat(events)
                .extracting(QueryEvent::element)
                .containsExactly("queryStarted", "title", "newTable", "newRecords", "tableDone", "queryDone");
        List<List<QueryEvent.Cell>> rows = ((QueryEvent.NewRecords) events.get(3)).records();
        assertThat(rows)
                .anySatisfy(row -> assertThat(row)
                        .startsWith(
                                new QueryEvent.Cell("string", "Temperature", null),
                                new QueryEvent.Cell("double", "25.08", null)));
        assertThat(rows).allSatisfy(row -> assertThat(row.get(3).type()).isEqualTo("dateTime"));
        bme.close(thing);
    }
}

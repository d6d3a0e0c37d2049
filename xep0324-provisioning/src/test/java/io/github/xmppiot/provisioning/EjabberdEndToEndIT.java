package io.github.xmppiot.provisioning;

import static io.github.xmppiot.provisioning.World.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.control.ControlClient;
import io.github.xmppiot.control.ControlException;
import io.github.xmppiot.control.ControlRequest;
import io.github.xmppiot.control.ControlServer;
import io.github.xmppiot.control.SetResult;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.thing.ControlParameter;
import io.github.xmppiot.core.thing.SensorData;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.value.NumericValue;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.sensordata.Readout;
import io.github.xmppiot.sensordata.ReadoutRequest;
import io.github.xmppiot.sensordata.SensorDataClient;
import io.github.xmppiot.sensordata.SensorDataServer;
import io.github.xmppiot.testkit.EjabberdServer;
import io.github.xmppiot.testkit.EjabberdTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main flows of XEP-0323, XEP-0325 and XEP-0324 on the second server, ejabberd: a read-out and a control request
 * narrowed by the provisioning server's decisions, a refused stranger, and the claim/trust set-up of {@link World}
 * (roster subscriptions, ad-hoc commands, {@code clearCache} pushes) through ejabberd's routing.
 */
@EjabberdTest
class EjabberdEndToEndIT {

    @TempDir
    Path dir;

    private final Map<String, Boolean> outputs = new ConcurrentHashMap<>();

    @AfterEach
    void closeWorlds() {
        World.closeAll();
    }

    private Thing output(String node) {
        outputs.put(node, false);
        return Thing.builder(node)
                .sensor((scope, clock) -> CompletableFuture.completedFuture(SensorData.of(
                        DateTimeValue.of(clock.instant()),
                        Field.momentary("Temperature", NumericValue.of("21.5", "°C")),
                        Field.momentary("Humidity", NumericValue.of("40", "%")))))
                .parameter(ControlParameter.builder("Output", ValueType.BOOLEAN)
                        .current(() -> BooleanValue.of(outputs.get(node)))
                        .onSet(v -> outputs.put(node, v.lexical().equals("true")))
                        .build())
                .build();
    }

    @Test
    void readOutControlAndProvisioningDecisionsWorkThroughEjabberd(EjabberdServer ejabberd) throws Exception {
        World w = World.create(ejabberd, dir, "ej");
        ThingDirectory things = ThingDirectory.of(output("Out1"), output("Out2"));
        SensorDataServer.getInstanceFor(w.thing)
                .update(b -> b.things(things).accessPolicy(w.thingClient.accessPolicy()));
        ControlServer.getInstanceFor(w.thing).update(s -> s.things(things).accessPolicy(w.thingClient.accessPolicy()));
        w.readRule(w.jid("client").toString(), List.of(), List.of("Temperature"));
        w.controlRule(w.jid("client").toString(), List.of("Out1"), List.of());

        Readout readout = await(SensorDataClient.getInstanceFor(w.client)
                .read(w.thing.getUser(), ReadoutRequest.builder().momentary().build()));
        // only the field the rule allows, once from each node (a read-out started twice when the provisioning
        // decision completed while the request handler returned sent a node's fields twice; ServerReadoutTest)
        assertThat(readout.fields())
                .extracting(f -> f.node().nodeId() + "/" + f.name())
                .containsExactlyInAnyOrder("Out1/Temperature", "Out2/Temperature");

        SetResult result = await(ControlClient.getInstanceFor(w.client)
                .set(
                        w.thing.getUser(),
                        ControlRequest.builder()
                                .node("Out1")
                                .node("Out2")
                                .set("Output", true)
                                .build()));
        assertThat(result.nodes()).containsExactly(NodeRef.of("Out1"));
        assertThat(outputs).containsEntry("Out1", true).containsEntry("Out2", false);

        ExecutionException unknown = Assertions.assertThrows(
                ExecutionException.class,
                () -> await(ControlClient.getInstanceFor(w.client)
                        .set(
                                w.thing.getUser(),
                                ControlRequest.builder()
                                        .node("Out1")
                                        .set("Nope", true)
                                        .build())));
        assertThat(unknown.getCause()).isInstanceOf(ControlException.class);

        ExecutionException refused = Assertions.assertThrows(
                ExecutionException.class,
                () -> await(SensorDataClient.getInstanceFor(w.stranger)
                        .read(
                                w.thing.getUser(),
                                ReadoutRequest.builder().momentary().build())));
        assertThat(refused.getCause())
                .isInstanceOfSatisfying(
                        IotErrorException.class,
                        e -> assertThat(e.condition()).isEqualTo(StanzaError.Condition.forbidden));
    }
}

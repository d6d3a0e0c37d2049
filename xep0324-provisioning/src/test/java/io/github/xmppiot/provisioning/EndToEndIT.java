package io.github.xmppiot.provisioning;

import static io.github.xmppiot.provisioning.World.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.control.ControlClient;
import io.github.xmppiot.control.ControlRequest;
import io.github.xmppiot.control.ControlServer;
import io.github.xmppiot.control.SetResult;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
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
import io.github.xmppiot.provisioning.server.Rule;
import io.github.xmppiot.sensordata.Readout;
import io.github.xmppiot.sensordata.ReadoutField;
import io.github.xmppiot.sensordata.ReadoutRequest;
import io.github.xmppiot.sensordata.SensorDataClient;
import io.github.xmppiot.sensordata.SensorDataServer;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
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
 * XEP-0324 §3.3/§3.4 end to end: a real XEP-0323 read-out and a real XEP-0325 control request to a Thing whose
 * {@link io.github.xmppiot.core.access.AccessPolicy} is the provisioning policy; the owner's rules narrow them.
 */
@ProsodyTest(logLevel = "info")
class EndToEndIT {

    @TempDir
    Path dir;

    @AfterEach
    void closeWorlds() {
        World.closeAll();
    }

    private final Map<String, Boolean> outputs = new ConcurrentHashMap<>();

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
    void readOutAndControlAreNarrowedByTheProvisioningServer(ProsodyServer prosody) throws Exception {
        World w = World.create(prosody, dir, "e2e");
        ThingDirectory things = ThingDirectory.of(output("Out1"), output("Out2"));
        SensorDataServer.getInstanceFor(w.thing)
                .update(b -> b.things(things).accessPolicy(w.thingClient.accessPolicy()));
        ControlServer.getInstanceFor(w.thing).update(s -> s.things(things).accessPolicy(w.thingClient.accessPolicy()));
        w.readRule(w.jid("client").toString(), List.of(), List.of("Temperature"));
        w.controlRule(w.jid("client").toString(), List.of("Out1"), List.of());

        Readout readout = await(SensorDataClient.getInstanceFor(w.client)
                .read(w.thing.getUser(), ReadoutRequest.builder().momentary().build()));
        assertThat(readout.fields()).extracting(ReadoutField::name).containsOnly("Temperature");
        assertThat(readout.fields()).hasSize(2);

        SetResult result = await(ControlClient.getInstanceFor(w.client)
                .set(
                        w.thing.getUser(),
                        ControlRequest.builder()
                                .node("Out1")
                                .node("Out2")
                                .set("Output", true)
                                .build()));
        assertThat(result.isNarrowed()).isTrue();
        assertThat(result.nodes()).containsExactly(NodeRef.of("Out1"));
        assertThat(outputs).containsEntry("Out1", true).containsEntry("Out2", false);

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

    /**
     * A rule naming a token applies once the holder answers the challenge the Thing relays (XEP-0324 §3.1.3.2): the
     * SDK's read-out and control clients tell the holder's provisioning client which tokens they sent to the Thing,
     * so it answers without the application calling {@link ProvisioningClient#tokenSent}.
     */
    @Test
    void tokenHoldersReadAndControlThroughTheSdkClients(ProsodyServer prosody) throws Exception {
        World w = World.create(prosody, dir, "tok");
        ThingDirectory things = ThingDirectory.of(output("Out1"));
        SensorDataServer.getInstanceFor(w.thing)
                .update(b -> b.things(things).accessPolicy(w.thingClient.accessPolicy()));
        ControlServer.getInstanceFor(w.thing).update(s -> s.things(things).accessPolicy(w.thingClient.accessPolicy()));
        ProvisioningClient holder = ProvisioningClient.getInstanceFor(w.client);
        await(holder.trust(w.serverBareJid()));
        String token = await(holder.requestToken(w.serverBareJid(), TestIdentities.create(dir, "tok-client")));
        w.readRule(Rule.TOKEN_PREFIX + token, List.of(), List.of());
        w.controlRule(Rule.TOKEN_PREFIX + token, List.of(), List.of());
        Tokens tokens = new Tokens(List.of(), List.of(), List.of(token));

        ExecutionException withoutToken = Assertions.assertThrows(
                ExecutionException.class,
                () -> await(SensorDataClient.getInstanceFor(w.client)
                        .read(
                                w.thing.getUser(),
                                ReadoutRequest.builder().momentary().build())));
        assertThat(withoutToken.getCause())
                .isInstanceOfSatisfying(
                        IotErrorException.class,
                        e -> assertThat(e.condition()).isEqualTo(StanzaError.Condition.forbidden));

        Readout readout = await(SensorDataClient.getInstanceFor(w.client)
                .read(
                        w.thing.getUser(),
                        ReadoutRequest.builder().momentary().tokens(tokens).build()));
        assertThat(readout.fields()).extracting(ReadoutField::name).contains("Temperature", "Humidity");

        SetResult set = await(ControlClient.getInstanceFor(w.client)
                .set(
                        w.thing.getUser(),
                        ControlRequest.builder()
                                .node("Out1")
                                .set("Output", true)
                                .tokens(tokens)
                                .build()));
        assertThat(set.isNarrowed()).isFalse();
        assertThat(outputs).containsEntry("Out1", true);

        // the stranger replays the token it overheard: it cannot answer the challenge
        ProvisioningClient.getInstanceFor(w.stranger);
        ExecutionException replayed = Assertions.assertThrows(
                ExecutionException.class,
                () -> await(SensorDataClient.getInstanceFor(w.stranger)
                        .read(
                                w.thing.getUser(),
                                ReadoutRequest.builder()
                                        .momentary()
                                        .tokens(tokens)
                                        .build())));
        assertThat(replayed.getCause())
                .isInstanceOfSatisfying(
                        IotErrorException.class,
                        e -> assertThat(e.condition()).isEqualTo(StanzaError.Condition.forbidden));
    }
}

package io.github.xmppiot.control;

import static io.github.xmppiot.control.Fixtures.CLIENT;
import static io.github.xmppiot.control.Fixtures.failure;
import static io.github.xmppiot.control.Fixtures.set;
import static io.github.xmppiot.control.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.control.element.ControlSet;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.thing.ControlParameter;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.ValueType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.Test;

/**
 * The bounds of the Thing side's one-at-a-time order (XEP-0325 §3.2 applies parameters in order): how many accepted
 * requests may wait, and how long one request's actions may hold the others back.
 */
class ControlProcessorQueueTest {

    private static final ControlSet ON =
            set("<set xmlns='urn:xmpp:iot:control'><boolean name='Output' value='true'/></set>");

    /** Every action waits for the next gate the test hands out; the values applied are logged. */
    private final BlockingQueue<CompletableFuture<Void>> gates = new LinkedBlockingQueue<>();

    private final List<String> applied = new CopyOnWriteArrayList<>();

    private Thing gated() {
        return Thing.builder("Gated")
                .parameter(ControlParameter.builder("Output", ValueType.BOOLEAN)
                        .onSetAsync(v -> {
                            applied.add(v.lexical());
                            CompletableFuture<Void> gate = new CompletableFuture<>();
                            gates.add(gate);
                            return gate;
                        })
                        .build())
                .build();
    }

    @Test
    void requestsOverTheQueueBoundAreRefusedWithResourceConstraintUntilTheQueueDrains() throws Exception {
        Fixtures.Processor p =
                Fixtures.processor(ThingDirectory.of(gated()), AccessPolicy.allowEveryone(), Duration.ofSeconds(30), 1);
        CompletableFuture<SetResult> first = p.set(CLIENT, ON);
        IotErrorException refused = failure(p.set(CLIENT, ON));
        assertThat(refused.condition()).isEqualTo(StanzaError.Condition.resource_constraint);
        assertThat(refused.type()).isEqualTo(StanzaError.Type.WAIT);
        assertThat(refused.getMessage()).contains("more than 1 control requests are waiting");

        nextGate().complete(null);
        assertThat(value(first)).isEqualTo(SetResult.asRequested());
        CompletableFuture<SetResult> third = p.set(CLIENT, ON);
        nextGate().complete(null);
        assertThat(value(third)).isEqualTo(SetResult.asRequested());
        assertThat(applied).hasSize(2);
    }

    @Test
    void aRequestWhoseActionsNeverEndTimesOutAndNoLongerHoldsTheNextOneBack() throws Exception {
        Fixtures.Processor p = Fixtures.processor(
                ThingDirectory.of(gated()), AccessPolicy.allowEveryone(), Duration.ofMillis(200), 10);
        CompletableFuture<SetResult> stuck = p.set(CLIENT, ON);
        assertThat(nextGate()).as("the first action started and never ends").isNotDone();
        assertThatThrownBy(() -> stuck.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasRootCauseInstanceOf(TimeoutException.class);
        CompletableFuture<SetResult> next = p.set(CLIENT, ON);
        nextGate().complete(null);
        assertThat(value(next)).isEqualTo(SetResult.asRequested());
        assertThat(applied).containsExactly("true", "true");
    }

    /** The gate of the next action, once that action has started (the actions run on the work pool). */
    private CompletableFuture<Void> nextGate() throws InterruptedException {
        CompletableFuture<Void> gate = gates.poll(10, TimeUnit.SECONDS);
        assertThat(gate).as("an action started").isNotNull();
        return gate;
    }
}

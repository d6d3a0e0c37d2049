package io.github.xmppiot.discovery.registry;

import static io.github.xmppiot.core.meta.MetaTag.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.discovery.element.Register;
import io.github.xmppiot.discovery.internal.DiscoveryXml;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jivesoftware.smack.DummyConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.TopLevelStreamElement;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** The settings, executors and lifecycle of the Thing Registry (docs/CONVENTIONS.md "Managers"). */
class ThingRegistrySettingsTest {

    private final DummyConnection connection = connected();
    private final JdbcRegistryStorage real =
            JdbcRegistryStorage.jdbc("jdbc:h2:mem:settings-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    /** The threads the storage was called on. */
    private final Queue<String> threads = new ConcurrentLinkedQueue<>();

    private final RegistryStorage storage = new RegistryStorage() {
        @Override
        public <T> T inTransaction(TransactionWork<T> work) {
            threads.add(Thread.currentThread().getName());
            return real.inTransaction(work);
        }

        @Override
        public void close() {
            real.close();
        }
    };

    private static DummyConnection connected() {
        try {
            return DummyConnection.newConnectedDummyConnection();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void close() {
        connection.disconnect();
        real.close();
    }

    @Test
    void defaultsBuilderAndValidation() {
        ThingRegistrySettings d = ThingRegistrySettings.DEFAULTS;
        assertThat(d.options()).isEqualTo(RegistryOptions.defaults());
        assertThat(d.claimReporter()).isNull();
        assertThat(d.executors()).isSameAs(IotExecutors.shared());
        assertThat(ThingRegistrySettings.builder().build()).isEqualTo(d);
        RegistryOptions small = RegistryOptions.defaults().withMaxPageSize(5);
        ThingRegistrySettings s = d.toBuilder().options(small).build();
        assertThat(s.toBuilder().build()).isEqualTo(s);
        assertThat(s.options().maxPageSize()).isEqualTo(5);
        assertThatThrownBy(() -> ThingRegistrySettings.builder().options(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("RegistryOptions.defaults()");
        assertThatThrownBy(() -> ThingRegistrySettings.builder().executors(null).build())
                .hasMessageContaining("IotExecutors.shared()");
    }

    @Test
    void theWorkRunsOnTheExecutorsOfTheSettingsAndCloseGivesThemBack() throws Exception {
        IotExecutors mine = IotExecutors.builder().name("x").build();
        ThingRegistry registry = ThingRegistry.start(
                connection,
                storage,
                ThingRegistrySettings.builder().executors(mine).build());
        assertThat(mine.activeLeases()).isEqualTo(1);
        assertThat(ServiceDiscoveryManager.getInstanceFor(connection).includesFeature(DiscoveryXml.NAMESPACE))
                .isTrue();
        assertThatThrownBy(() -> ThingRegistry.start(connection, storage))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("close()");

        assertThat(register("SN-1").getType()).isEqualTo(IQ.Type.result);
        assertThat(threads).isNotEmpty().allSatisfy(t -> assertThat(t).startsWith("x-work-"));

        registry.close();
        registry.close();
        assertThat(mine.activeLeases()).isZero();
        assertThat(ServiceDiscoveryManager.getInstanceFor(connection).includesFeature(DiscoveryXml.NAMESPACE))
                .isFalse();
        assertThat(register("SN-2").getType()).as("no handler after close").isEqualTo(IQ.Type.error);
        assertThatThrownBy(() -> registry.update(b -> b.options(RegistryOptions.defaults())))
                .isInstanceOf(IllegalStateException.class);

        try (ThingRegistry again = ThingRegistry.start(connection, storage)) {
            assertThat(again.settings()).isEqualTo(ThingRegistrySettings.DEFAULTS);
            assertThat(register("SN-3").getType()).isEqualTo(IQ.Type.result);
        }
    }

    @Test
    void aNewConfigurationServesTheNextRequest() throws Exception {
        IotExecutors first = IotExecutors.builder().name("first").build();
        IotExecutors second = IotExecutors.builder().name("second").build();
        try (ThingRegistry registry = ThingRegistry.start(
                connection,
                storage,
                ThingRegistrySettings.builder().executors(first).build())) {
            CompletableFuture<Void> reported = new CompletableFuture<>();
            registry.update(b -> b.executors(second)
                    .options(RegistryOptions.defaults().withThingTimeout(Duration.ofSeconds(3)))
                    .claimReporter((thing, owner) -> reported));
            assertThat(first.activeLeases()).isZero();
            assertThat(second.activeLeases()).isEqualTo(1);
            assertThat(registry.settings().options().thingTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(registry.rules()).isNotNull();
            threads.clear();
            assertThat(register("SN-4").getType()).isEqualTo(IQ.Type.result);
            assertThat(threads).isNotEmpty().allSatisfy(t -> assertThat(t).startsWith("second-work-"));
        }
        assertThat(second.activeLeases()).isZero();
    }

    @Test
    void aRefusedTaskIsAnsweredResourceConstraint() throws Exception {
        ExecutorService refusing = Executors.newSingleThreadExecutor();
        refusing.shutdown();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (ThingRegistry registry = ThingRegistry.start(
                connection,
                storage,
                ThingRegistrySettings.builder()
                        .executors(IotExecutors.of(refusing, timer))
                        .build())) {
            IQ answer = register("SN-5");
            assertThat(answer.getType()).isEqualTo(IQ.Type.error);
            assertThat(answer.getError().getCondition()).isEqualTo(StanzaError.Condition.resource_constraint);
            assertThat(threads).as("nothing was written").isEmpty();
        } finally {
            timer.shutdown();
        }
    }

    /** Sends a {@code register} from a Thing and returns the registry's answer. */
    private IQ register(String sn) throws Exception {
        Register r = new Register(List.of(str("SN", sn), str("KEY", "k-" + sn + "-0123456789")), null, false);
        r.setType(IQ.Type.set);
        r.setFrom(JidCreate.from("thing@example.org/t"));
        r.setTo(connection.getUser());
        r.setStanzaId(UUID.randomUUID().toString());
        connection.processStanza(r);
        while (true) {
            TopLevelStreamElement s = connection.getSentPacket();
            assertThat(s).as("the registry answered").isNotNull();
            if (s instanceof IQ iq && r.getStanzaId().equals(iq.getStanzaId())) {
                return iq;
            }
        }
    }
}

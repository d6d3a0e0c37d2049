package io.github.xmppiot.concentrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.concentrator.element.QueryEvent;
import io.github.xmppiot.concentrator.element.QueryProgress;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.concurrent.IotExecutors;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.DummyConnection;
import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The manager convention (docs/CONVENTIONS.md "Managers") on {@link NodeCommandClient}: settings swapped atomically,
 * {@code queryProgress} (XEP-0326 §3.15) delivered in document order on the executors the settings name, and an
 * idempotent {@code close()} that gives the lease back and lets {@code getInstanceFor} start afresh.
 */
class NodeCommandClientLifecycleTest {

    private DummyConnection connection;
    private Jid concentrator;

    @BeforeEach
    void setUp() throws Exception {
        connection = new DummyConnection("owner", "example.org", "res");
        connection.connect();
        connection.login();
        concentrator = JidCreate.from("hub@example.org/res");
    }

    @AfterEach
    void tearDown() {
        NodeCommandClient.getInstanceFor(connection).close();
        connection.instantShutdown();
    }

    private void receive(String queryId, QueryEvent event) {
        Message m = connection
                .getStanzaFactory()
                .buildMessageStanza()
                .from(concentrator)
                .to(connection.getUser())
                .addExtension(new QueryProgress(NodeRef.of("N1"), queryId, List.of(event)))
                .build();
        connection.processStanza(m);
    }

    @Test
    void progressListenersRunInDocumentOrderOnTheExecutorsTheSettingsName() throws Exception {
        IotExecutors mine =
                IotExecutors.builder().name("ncc-test").workThreads(2).build();
        NodeCommandClient client = NodeCommandClient.getInstanceFor(connection)
                .update(s -> s.executors(mine).progressBacklog(10));
        assertThat(client.settings().executors()).isSameAs(mine);
        assertThat(client.settings().progressBacklog()).isEqualTo(10);
        assertThat(mine.activeLeases()).isEqualTo(1);
        List<String> threads = new CopyOnWriteArrayList<>();
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch three = new CountDownLatch(3);
        client.addQueryProgressListener((from, p) -> {
            threads.add(Thread.currentThread().getName());
            order.add(p.queryId());
            three.countDown();
        });

        receive("q1", new QueryEvent.Started());
        receive("q2", new QueryEvent.Started());
        receive("q3", new QueryEvent.Done());

        assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(order).containsExactly("q1", "q2", "q3");
        assertThat(threads).allSatisfy(t -> assertThat(t).startsWith("ncc-test"));

        client.configure(NodeCommandClientSettings.DEFAULTS);
        assertThat(mine.activeLeases()).as("the old lease is given back").isZero();
    }

    @Test
    void closeGivesTheLeaseBackIsIdempotentAndALaterInstanceIsFresh() throws Exception {
        IotExecutors mine = IotExecutors.builder().name("ncc-close").build();
        NodeCommandClient client = NodeCommandClient.getInstanceFor(connection)
                .configure(NodeCommandClientSettings.builder().executors(mine).build());
        List<String> seenByOld = new CopyOnWriteArrayList<>();
        client.addQueryProgressListener((from, p) -> seenByOld.add(p.queryId()));
        assertThat(mine.activeLeases()).isEqualTo(1);

        client.close();
        client.close();

        assertThat(mine.activeLeases()).isZero();
        assertThatThrownBy(() -> client.update(s -> s.progressBacklog(5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("getInstanceFor");
        CompletableFuture<?> refused = client.getNodeCommands(concentrator, NodeRef.of("N1"));
        assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class);

        NodeCommandClient fresh = NodeCommandClient.getInstanceFor(connection);
        assertThat(fresh).isNotSameAs(client);
        assertThat(fresh.settings()).isEqualTo(NodeCommandClientSettings.DEFAULTS);
        CountDownLatch got = new CountDownLatch(1);
        fresh.addQueryProgressListener((from, p) -> got.countDown());
        receive("q9", new QueryEvent.Started());
        assertThat(got.await(10, TimeUnit.SECONDS))
                .as("the fresh client listens")
                .isTrue();
        assertThat(seenByOld).as("the closed client's listeners hear nothing").isEmpty();
    }

    @Test
    void settingsRejectABacklogBelowOne() {
        assertThatThrownBy(() ->
                        NodeCommandClientSettings.builder().progressBacklog(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("progressBacklog");
        assertThatThrownBy(() ->
                        NodeCommandClientSettings.builder().executors(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("IotExecutors.shared()");
    }
}

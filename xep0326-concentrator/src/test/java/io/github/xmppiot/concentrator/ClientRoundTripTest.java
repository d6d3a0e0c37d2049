package io.github.xmppiot.concentrator;

import static io.github.xmppiot.concentrator.Wired.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.xmppiot.concentrator.element.NodeEvent;
import io.github.xmppiot.concentrator.request.NodeDetail;
import io.github.xmppiot.core.concurrent.IotExecutors;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;

/**
 * The client side over an in-memory link (XEP-0326 §3.4): event listeners, its settings and executors, and its close.
 */
class ClientRoundTripTest {

    private Wired w;

    @BeforeEach
    void setUp() throws Exception {
        w = new Wired(new TestLampType());
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    @Test
    void eventsReachEveryListenerInOrderAndARemovedListenerNoLonger() throws Exception {
        List<String> removed = new CopyOnWriteArrayList<>();
        LinkedBlockingQueue<String> kept = new LinkedBlockingQueue<>();
        BiConsumer<Jid, NodeEvent> gone = (from, e) -> removed.add(e.node().nodeId());
        w.client.addEventListener(gone);
        w.client.addEventListener((from, e) -> {
            assertThat((Object) from).isEqualTo(w.to);
            kept.add(e.kind() + " " + e.node().nodeId());
        });
        await(w.client.subscribe(w.to, NodeTree.SOURCE_ID, NodeDetail.NONE));
        w.addLamp("L1", "1");
        w.addLamp("L2", "2");
        assertThat(kept.poll(5, TimeUnit.SECONDS)).isEqualTo("NODE_ADDED L1");
        assertThat(kept.poll(5, TimeUnit.SECONDS)).isEqualTo("NODE_ADDED L2");
        assertThat(removed).containsExactly("L1", "L2");

        w.client.removeEventListener(gone);
        w.addLamp("L3", "3");
        assertThat(kept.poll(5, TimeUnit.SECONDS)).isEqualTo("NODE_ADDED L3");
        assertThat(removed).as("removed before L3").containsExactly("L1", "L2");
    }

    @Test
    void settingsAreSwappedAndCloseGivesTheLeaseBackOnce() throws Exception {
        IotExecutors own = IotExecutors.builder().name("concentrator-client-rt").build();
        ConcentratorClient c = w.client;
        assertThat(ConcentratorClient.getInstanceFor(w.clientPeer)).isSameAs(c);
        assertThat(c.settings()).isEqualTo(ConcentratorClientSettings.DEFAULTS);
        c.update(b -> b.executors(own).eventBacklog(10));
        assertThat(own.activeLeases()).isEqualTo(1);
        assertThat(c.settings().eventBacklog()).isEqualTo(10);
        Thread[] thread = new Thread[1];
        await(c.getCapabilities(w.to).thenRun(() -> thread[0] = Thread.currentThread()));
        assertThat(thread[0].getName()).startsWith("concentrator-client-rt-work-");
        c.update(b -> b.eventBacklog(10));
        assertThat(own.activeLeases()).as("same executors, same lease").isEqualTo(1);

        LinkedBlockingQueue<NodeEvent> events = new LinkedBlockingQueue<>();
        c.addEventListener((from, e) -> events.add(e));
        c.close();
        c.close();
        assertThat(own.activeLeases()).isZero();
        Throwable closed = catchThrowable(() -> await(c.getCapabilities(w.to)));
        assertThat(closed).isInstanceOf(ExecutionException.class);
        assertThat(closed.getCause()).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> c.update(b -> b)).isInstanceOf(IllegalStateException.class);

        ConcentratorClient fresh = ConcentratorClient.getInstanceFor(w.clientPeer);
        assertThat(fresh).isNotSameAs(c);
        assertThat(fresh.settings()).isEqualTo(ConcentratorClientSettings.DEFAULTS);
        LinkedBlockingQueue<NodeEvent> freshEvents = new LinkedBlockingQueue<>();
        fresh.addEventListener((from, e) -> freshEvents.add(e));
        await(fresh.subscribe(w.to, NodeTree.SOURCE_ID, NodeDetail.NONE));
        await(fresh.createNewNode(w.to, Wired.ROOT, TestLampType.TYPE, Wired.lamp("L9", "9", "S9")));
        assertThat(freshEvents.poll(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(events).as("the closed client delivers nothing").isEmpty();
        fresh.close();
    }
}

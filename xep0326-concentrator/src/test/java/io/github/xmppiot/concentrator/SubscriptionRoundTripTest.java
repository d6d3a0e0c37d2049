package io.github.xmppiot.concentrator;

import static io.github.xmppiot.concentrator.Wired.await;
import static io.github.xmppiot.concentrator.Wired.node;
import static io.github.xmppiot.concentrator.Wired.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.concentrator.element.NodeEvent;
import io.github.xmppiot.concentrator.element.ResultCode;
import io.github.xmppiot.concentrator.request.DataSourceRequest;
import io.github.xmppiot.concentrator.request.NodeDetail;
import io.github.xmppiot.core.value.DateTimeValue;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions to the concentrator's data source over an in-memory link (XEP-0326 §3.4): the kinds and details a
 * subscriber selects, events since a time, unsubscribing, and a subscriber going offline.
 */
class SubscriptionRoundTripTest {

    private final LinkedBlockingQueue<NodeEvent> events = new LinkedBlockingQueue<>();
    private Wired w;
    private Instant before;

    @BeforeEach
    void setUp() throws Exception {
        before = Instant.now().minusSeconds(1);
        w = new Wired(new TestLampType());
        w.addLamp("L1", "1");
        w.client.addEventListener((from, e) -> events.add(e));
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    private NodeEvent next() throws InterruptedException {
        NodeEvent e = events.poll(5, TimeUnit.SECONDS);
        assertThat(e).as("an event").isNotNull();
        return e;
    }

    private DataSourceRequest.Subscribe subscribe(Set<NodeEvent.Kind> kinds, Set<NodeDetail> details, Instant since) {
        return new DataSourceRequest.Subscribe(
                NodeTree.SOURCE_ID, kinds, details, since == null ? null : DateTimeValue.of(since));
    }

    @Test
    void aSubscriberGetsTheKindsAndDetailsItSelected() throws Exception {
        await(w.client.execute(w.to, subscribe(Set.of(NodeEvent.Kind.NODE_REMOVED), NodeDetail.NONE, null)));
        assertThat(w.server.subscriberCount()).isEqualTo(1);
        w.addLamp("L2", "2");
        await(w.client.destroyNode(w.to, node("L2")));
        NodeEvent removed = next();
        assertThat(removed.kind()).as("nodeAdded was not selected").isEqualTo(NodeEvent.Kind.NODE_REMOVED);
        assertThat(removed.node().nodeId()).isEqualTo("L2");
        assertThat(removed.sourceId()).isEqualTo(NodeTree.SOURCE_ID);

        await(w.client.execute(
                w.to, subscribe(Set.of(NodeEvent.Kind.NODE_ADDED), Set.of(NodeDetail.PARAMETERS), null)));
        w.addLamp("L6", "6");
        NodeEvent withParameters = next();
        assertThat(withParameters.node().nodeId()).isEqualTo("L6");
        assertThat(withParameters.node().parameters()).extracting(p -> p.id()).contains("address");

        await(w.client.subscribe(w.to, NodeTree.SOURCE_ID, NodeDetail.NONE));
        w.addLamp("L3", "3");
        NodeEvent added = next();
        assertThat(added.kind()).isEqualTo(NodeEvent.Kind.NODE_ADDED);
        assertThat(added.node().parameters()).as("no parameters asked for").isEmpty();
    }

    @Test
    void unsubscribingSomeKindsKeepsTheOthersAndUnsubscribingAllEndsTheSubscription() throws Exception {
        await(w.client.subscribe(w.to, NodeTree.SOURCE_ID, NodeDetail.NONE));
        await(w.client.execute(
                w.to, new DataSourceRequest.Unsubscribe(NodeTree.SOURCE_ID, Set.of(NodeEvent.Kind.NODE_ADDED))));
        assertThat(w.server.subscriberCount()).isEqualTo(1);
        w.addLamp("L2", "2");
        await(w.client.destroyNode(w.to, node("L2")));
        assertThat(next().kind()).as("nodeAdded no longer selected").isEqualTo(NodeEvent.Kind.NODE_REMOVED);

        await(w.client.unsubscribe(w.to, NodeTree.SOURCE_ID));
        assertThat(w.server.subscriberCount()).isZero();
    }

    @Test
    void anUnknownDataSourceIsNotFound() {
        assertThat(refused(w.client.subscribe(w.to, "Elsewhere", NodeDetail.NONE), ResultCode.NOT_FOUND)
                        .getMessage())
                .contains("unknown data source");
        refused(w.client.unsubscribe(w.to, "Elsewhere"), ResultCode.NOT_FOUND);
        assertThat(w.server.subscriberCount()).isZero();
    }

    @Test
    void eventsSinceATimeAreSentOnSubscribingTailoredToTheSubscription() throws Exception {
        w.addLamp("L2", "2");
        await(w.client.execute(w.to, subscribe(Set.of(NodeEvent.Kind.NODE_ADDED), NodeDetail.NONE, before)));
        NodeEvent first = next();
        NodeEvent second = next();
        assertThat(first.node().nodeId()).isEqualTo("L1");
        assertThat(second.node().nodeId()).isEqualTo("L2");
        assertThat(second.node().parameters()).isEmpty();
        assertThat(w.server.subscriberCount()).isEqualTo(1);

        await(w.client.destroyNode(w.to, node("L2")));
        w.addLamp("L4", "4");
        assertThat(next().node().nodeId()).as("the removal was not selected").isEqualTo("L4");
    }

    @Test
    void eventsSinceNowSendsNothingPast() throws Exception {
        await(w.client.execute(
                w.to, subscribe(null, NodeDetail.NONE, Instant.now().plusSeconds(3600))));
        w.addLamp("L5", "5");
        assertThat(next().node().nodeId()).as("only the new event").isEqualTo("L5");
    }

    @Test
    void aSubscriberGoingOfflineIsDropped() throws Exception {
        await(w.client.subscribe(w.to, NodeTree.SOURCE_ID, NodeDetail.NONE));
        assertThat(w.server.subscriberCount()).isEqualTo(1);
        w.clientPeer.inject("<presence type='unavailable' to='" + w.to + "'/>");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (w.server.subscriberCount() != 0 && System.nanoTime() < end) {
            Thread.onSpinWait(); // the presence is handled on Smack's async listener thread
        }
        assertThat(w.server.subscriberCount()).isZero();
    }
}

package io.github.xmppiot.concentrator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.concentrator.element.NodeEvent;
import io.github.xmppiot.concentrator.element.NodeInformation;
import io.github.xmppiot.concentrator.element.NodeMessage;
import io.github.xmppiot.concentrator.element.NodeParameter;
import io.github.xmppiot.concentrator.request.DataSourceRequest;
import io.github.xmppiot.concentrator.request.NodeDetail;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.value.IntValue;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/** The bounded event log behind {@code getNodeEvents since} and the tailoring of events per subscriber (§3.12). */
class SubscriptionsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static NodeEvent event(String id, NodeEvent.Kind kind) {
        NodeInformation node = NodeInformation.builder(id)
                .parameter(new NodeParameter("p", "P", new IntValue(1)))
                .message(new NodeMessage(DateTimeValue.of(T0), NodeMessage.INFORMATION, null, "hello"))
                .build();
        return new NodeEvent(kind, "src", node, null, null, null);
    }

    @Test
    void sinceListsTheEventsStrictlyAfterTheInstant() {
        Subscriptions s = new Subscriptions();
        NodeEvent e1 = NodeEvent.ofRef(NodeEvent.Kind.NODE_REMOVED, NodeRef.of("a", "src"));
        NodeEvent e2 = NodeEvent.ofRef(NodeEvent.Kind.NODE_REMOVED, NodeRef.of("b", "src"));
        s.record(T0.plusSeconds(1), e1);
        s.record(T0.plusSeconds(2), e2);
        assertThat(s.since(T0)).containsExactly(e1, e2);
        assertThat(s.since(T0.plusSeconds(1))).containsExactly(e2);
        assertThat(s.since(T0.plusSeconds(2))).isEmpty();
    }

    @Test
    void aLogThatDroppedEventsAfterTheInstantAnswersNull() {
        Subscriptions s = new Subscriptions();
        NodeEvent e = NodeEvent.ofRef(NodeEvent.Kind.NODE_REMOVED, NodeRef.of("a", "src"));
        for (int i = 0; i <= Subscriptions.LOG_SIZE; i++) {
            s.record(T0.plusSeconds(i), e);
        }
        assertThat(s.since(T0)).isNull();
        assertThat(s.since(T0.plusSeconds(1))).hasSize(Subscriptions.LOG_SIZE - 1);
        assertThat(s.since(T0.plusSeconds(Subscriptions.LOG_SIZE))).isEmpty();
    }

    @Test
    void aLogThatKeptEverythingNeverAnswersNull() {
        Subscriptions s = new Subscriptions();
        NodeEvent e = NodeEvent.ofRef(NodeEvent.Kind.NODE_REMOVED, NodeRef.of("a", "src"));
        for (int i = 1; i <= Subscriptions.LOG_SIZE; i++) {
            s.record(T0.plusSeconds(i), e);
        }
        assertThat(s.since(T0)).hasSize(Subscriptions.LOG_SIZE);
        assertThat(new Subscriptions().since(T0)).isEmpty();
    }

    @Test
    void tailorDropsKindsNotSubscribedAndDetailsNotAskedFor() {
        NodeEvent added = event("a", NodeEvent.Kind.NODE_ADDED);
        var none = new Subscriptions.Subscription(EnumSet.of(NodeEvent.Kind.NODE_REMOVED), true, true);
        assertThat(Subscriptions.tailor(added, none)).isNull();
        var bare = new Subscriptions.Subscription(EnumSet.of(NodeEvent.Kind.NODE_ADDED), false, false);
        NodeEvent tailored = Subscriptions.tailor(added, bare);
        assertThat(tailored.kind()).isEqualTo(NodeEvent.Kind.NODE_ADDED);
        assertThat(tailored.sourceId()).isEqualTo("src");
        assertThat(tailored.node().nodeId()).isEqualTo("a");
        assertThat(tailored.node().parameters()).isEmpty();
        assertThat(tailored.node().messages()).isEmpty();
        var full = new Subscriptions.Subscription(EnumSet.of(NodeEvent.Kind.NODE_ADDED), true, true);
        assertThat(Subscriptions.tailor(added, full)).isEqualTo(added);
    }

    @Test
    void aStatusChangeKeepsItsMessagesEvenWithoutTheMessagesDetail() {
        NodeEvent status = event("a", NodeEvent.Kind.NODE_STATUS_CHANGED);
        var bare = new Subscriptions.Subscription(EnumSet.of(NodeEvent.Kind.NODE_STATUS_CHANGED), false, false);
        NodeEvent tailored = Subscriptions.tailor(status, bare);
        assertThat(tailored.node().messages()).hasSize(1);
        assertThat(tailored.node().parameters()).isEmpty();
    }

    @Test
    void subscribeRecordsKindsAndDetailsAndUnsubscribeRemovesKindsUntilNoneIsLeft() {
        Subscriptions s = new Subscriptions();
        Jid alice = JidCreate.entityBareFromOrThrowUnchecked("alice@example.org");
        assertThat(s.snapshot()).isEmpty();
        s.subscribe(
                alice,
                new DataSourceRequest.Subscribe(
                                "src",
                                EnumSet.of(NodeEvent.Kind.NODE_ADDED, NodeEvent.Kind.NODE_REMOVED),
                                Set.of(NodeDetail.MESSAGES),
                                null)
                        .toElement());
        assertThat(s.snapshot())
                .containsExactly(Map.entry(
                        alice,
                        new Subscriptions.Subscription(
                                EnumSet.of(NodeEvent.Kind.NODE_ADDED, NodeEvent.Kind.NODE_REMOVED), false, true)));
        s.unsubscribe(
                alice, new DataSourceRequest.Unsubscribe("src", EnumSet.of(NodeEvent.Kind.NODE_ADDED)).toElement());
        assertThat(s.snapshot().get(alice))
                .isEqualTo(new Subscriptions.Subscription(EnumSet.of(NodeEvent.Kind.NODE_REMOVED), false, true));
        s.unsubscribe(alice, DataSourceRequest.Unsubscribe.all("src").toElement());
        assertThat(s.snapshot()).isEmpty();
        s.subscribe(
                alice, DataSourceRequest.Subscribe.all("src", NodeDetail.ALL).toElement());
        assertThat(s.snapshot().get(alice).parameters()).isTrue();
        s.drop(alice);
        assertThat(s.snapshot()).isEmpty();
    }
}

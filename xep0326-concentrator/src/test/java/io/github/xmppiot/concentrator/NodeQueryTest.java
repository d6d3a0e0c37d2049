package io.github.xmppiot.concentrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.concentrator.element.NodeResult;
import io.github.xmppiot.concentrator.element.QueryEvent;
import io.github.xmppiot.concentrator.element.QueryProgress;
import io.github.xmppiot.core.NodeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The client's view of a running node query: events per node and completion (XEP-0326 §3.10). */
class NodeQueryTest {

    private static final NodeRef A = NodeRef.of("a", "src");
    private static final NodeRef B = NodeRef.of("b", "src");
    private static final NodeResult OK = new NodeResult(true, null);

    private static QueryProgress progress(NodeRef node, QueryEvent... events) {
        return new QueryProgress(node, "q1", List.of(events));
    }

    @Test
    void itCompletesWhenEveryAcceptedNodeIsDoneOrAborted() {
        NodeQuery q = new NodeQuery("q1", List.of(A, B), List.of(OK, OK), () -> null);
        assertThat(q.queryId()).isEqualTo("q1");
        assertThat(q.nodes()).containsExactly(A, B);
        assertThat(q.results()).containsExactly(OK, OK);
        q.accept(progress(A, new QueryEvent.Started(), new QueryEvent.Done()));
        assertThat(q.completion()).isNotDone();
        assertThat(q.isAborted()).isFalse();
        q.accept(progress(B, new QueryEvent.Aborted()));
        assertThat(q.completion()).isCompleted();
        assertThat(q.isAborted()).isTrue();
        assertThat(q.events("a")).containsExactly(new QueryEvent.Started(), new QueryEvent.Done());
        assertThat(q.events("b")).containsExactly(new QueryEvent.Aborted());
        assertThat(q.events("unknown")).isEmpty();
    }

    @Test
    void nodesRefusedOrWithoutAResultCountAsDoneOrOpen() {
        NodeQuery refused = new NodeQuery(
                "q1", List.of(A, B), List.of(new NodeResult(false, "no"), new NodeResult(false, "no")), () -> null);
        assertThat(refused.completion()).isCompleted();
        NodeQuery partly = new NodeQuery("q1", List.of(A, B), List.of(new NodeResult(false, "no")), () -> null);
        assertThat(partly.completion()).isNotDone();
        partly.accept(progress(A, new QueryEvent.Done()));
        assertThat(partly.events("a")).isEmpty();
        partly.accept(progress(B, new QueryEvent.Done()));
        assertThat(partly.completion()).isCompleted();
    }

    @Test
    void eventsAfterTheEndOfANodeAndForUnknownNodesAreIgnored() {
        NodeQuery q = new NodeQuery("q1", List.of(A, B), List.of(OK, OK), () -> null);
        q.accept(progress(A, new QueryEvent.Done(), new QueryEvent.Status("late")));
        q.accept(progress(A, new QueryEvent.Status("later")));
        q.accept(progress(NodeRef.of("c"), new QueryEvent.Done()));
        assertThat(q.events("a")).containsExactly(new QueryEvent.Done());
        assertThat(q.events("c")).isEmpty();
        assertThat(q.completion()).isNotDone();
    }

    @Test
    void aListenerFirstHearsWhatCameBeforeThenEachNewEventWithTheRequestedNode() {
        NodeQuery q = new NodeQuery("q1", List.of(A, B), List.of(OK, OK), () -> null);
        q.accept(progress(NodeRef.of("a"), new QueryEvent.Title("t")));
        List<Map.Entry<NodeRef, QueryEvent>> heard = new ArrayList<>();
        q.addListener((n, e) -> heard.add(Map.entry(n, e)));
        assertThat(heard).containsExactly(Map.entry(A, new QueryEvent.Title("t")));
        q.accept(progress(B, new QueryEvent.Status("s")));
        assertThat(heard)
                .containsExactly(Map.entry(A, new QueryEvent.Title("t")), Map.entry(B, new QueryEvent.Status("s")));
    }

    @Test
    void abortAsksTheConcentratorOnce() {
        AtomicInteger asked = new AtomicInteger();
        CompletableFuture<Void> answer = new CompletableFuture<>();
        NodeQuery q = new NodeQuery("q1", List.of(A), List.of(OK), () -> {
            asked.incrementAndGet();
            return answer;
        });
        assertThat(q.abort()).isSameAs(answer);
        assertThat(asked).hasValue(1);
    }
}

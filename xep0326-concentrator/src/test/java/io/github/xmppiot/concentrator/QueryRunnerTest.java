package io.github.xmppiot.concentrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.concentrator.element.QueryEvent;
import io.github.xmppiot.concentrator.element.QueryProgress;
import io.github.xmppiot.concentrator.internal.QueryRunner;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.StringValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/** The query runner: document order, failures, and messages kept below the stanza size limit (XEP-0326 §3.15). */
class QueryRunnerTest {

    private static final Jid CLIENT = JidCreate.fromOrThrowUnchecked("client@example.org/r");
    private static final NodeRef NODE = NodeRef.of("N1", NodeTree.SOURCE_ID);
    private static final int LIMIT = 4096;

    private final List<QueryProgress> sent = new CopyOnWriteArrayList<>();
    private final QueryRunner runner =
            new QueryRunner(Runnable::run, (task, delay) -> {}, (to, p) -> sent.add(p), () -> LIMIT);

    private List<QueryEvent> run(NodeCommandSpec.QueryAction action) {
        String id = runner.newQueryId();
        runner.register(
                id,
                CLIENT,
                NODE,
                Thing.builder(NODE).build(),
                NodeCommandSpec.query("q", "Q", List.of(), action),
                Map.of());
        runner.release(id);
        return sent.stream().flatMap(p -> p.events().stream()).toList();
    }

    @Test
    void largeRecordSetsAreSplitOverMessagesBelowTheLimitInOrder() {
        List<List<QueryEvent.Cell>> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(List.of(
                    QueryEvent.Cell.of(new IntValue(i)),
                    QueryEvent.Cell.of(new StringValue("<row & text " + i + ">"))));
        }
        List<QueryEvent> events = run((thing, p, ctx) -> {
            ctx.newTable("t", "T", List.of());
            ctx.records("t", rows);
            ctx.tableDone("t");
            return CompletableFuture.completedFuture(null);
        });
        List<QueryEvent.NewRecords> batches = events.stream()
                .filter(e -> e instanceof QueryEvent.NewRecords)
                .map(e -> (QueryEvent.NewRecords) e)
                .toList();
        assertThat(batches).hasSizeGreaterThan(1);
        assertThat(batches.stream().flatMap(b -> b.records().stream()).toList()).isEqualTo(rows);
        assertThat(sent).allSatisfy(p -> assertThat(p.toXML().length()).isLessThan(LIMIT));
        assertThat(events).first().isInstanceOf(QueryEvent.Started.class);
        assertThat(events.get(events.size() - 2)).isInstanceOf(QueryEvent.TableDone.class);
        assertThat(events).last().isInstanceOf(QueryEvent.Done.class);
    }

    @Test
    void recordsAndObjectsTooLargeForOneMessageBecomeErrorMessages() {
        String big = "x".repeat(LIMIT);
        List<QueryEvent> events = run((thing, p, ctx) -> {
            ctx.records(
                    "t", List.of(List.of(QueryEvent.Cell.of(new StringValue(big))), List.of(QueryEvent.Cell.of(null))));
            ctx.newObject("image/png", new byte[LIMIT]);
            ctx.newObject("text/plain", new byte[] {'h', 'i'});
            return CompletableFuture.completedFuture(null);
        });
        assertThat(events)
                .extracting(QueryEvent::element)
                .containsExactly(
                        "queryStarted", "queryMessage", "newRecords", "queryMessage", "newObject", "queryDone");
        assertThat(((QueryEvent.Message) events.get(1)).type()).isEqualTo("Error");
        assertThat(((QueryEvent.NewRecords) events.get(2)).records())
                .containsExactly(List.of(new QueryEvent.Cell("void", "", null)));
        assertThat(((QueryEvent.NewObject) events.get(4)).base64()).isEqualTo("aGk=");
        assertThat(sent).allSatisfy(p -> assertThat(p.toXML().length()).isLessThan(LIMIT));
    }

    @Test
    void aFailingQueryReportsAnExceptionMessageThenDone() {
        List<QueryEvent> events = run((thing, p, ctx) -> {
            ctx.status("working");
            return CompletableFuture.failedFuture(new IllegalStateException("database offline"));
        });
        assertThat(events)
                .extracting(QueryEvent::element)
                .containsExactly("queryStarted", "status", "queryMessage", "queryDone");
        assertThat(events.get(2)).isEqualTo(new QueryEvent.Message("Exception", "Major", "database offline"));
        assertThat(runner.runningCount()).isZero();
    }

    @Test
    void aQueryThatThrowsOrReturnsNullStillEnds() {
        assertThat(run((thing, p, ctx) -> {
                    throw new IllegalArgumentException("bad");
                }))
                .extracting(QueryEvent::element)
                .containsExactly("queryStarted", "queryMessage", "queryDone");
        sent.clear();
        assertThat(run((thing, p, ctx) -> null))
                .extracting(QueryEvent::element)
                .containsExactly("queryStarted", "queryDone");
    }

    @Test
    void aQueryTheExecutorRefusesIsAbortedNotLeftSilent() {
        QueryRunner full = new QueryRunner(
                task -> {
                    throw new RejectedExecutionException("queue full");
                },
                (task, delay) -> {},
                (to, p) -> sent.add(p),
                () -> LIMIT);
        String id = full.newQueryId();
        full.register(
                id,
                CLIENT,
                NODE,
                Thing.builder(NODE).build(),
                NodeCommandSpec.query("q", "Q", List.of(), (thing, p, ctx) -> CompletableFuture.completedFuture(null)),
                Map.of());
        full.release(id);
        assertThat(sent.stream().flatMap(p -> p.events().stream()).toList())
                .singleElement()
                .isInstanceOf(QueryEvent.Aborted.class);
        assertThat(full.runningCount()).isZero();
    }
}

package io.github.xmppiot.concentrator;

import static io.github.xmppiot.concentrator.Wired.await;
import static io.github.xmppiot.concentrator.Wired.form;
import static io.github.xmppiot.concentrator.Wired.node;
import static io.github.xmppiot.concentrator.Wired.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.concentrator.element.CommandType;
import io.github.xmppiot.concentrator.element.NodeCommand;
import io.github.xmppiot.concentrator.element.NodeResult;
import io.github.xmppiot.concentrator.element.QueryEvent;
import io.github.xmppiot.concentrator.element.ResultCode;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.value.BooleanValue;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Node commands and node queries from a {@link NodeCommandClient} to a {@link ConcentratorServer} over an in-memory
 * link (XEP-0326 §3.12–§3.14): a query's progress reaches its requester in order, an abort or the requester going
 * offline ends it, and batch commands report per node.
 */
class NodeCommandsRoundTripTest {

    private static final NodeRef LAMP1 = node("L1");
    private static final NodeRef LAMP2 = node("L2");
    private static final NodeRef NOPE = node("nope");

    private Wired w;

    @BeforeEach
    void setUp() throws Exception {
        w = new Wired(new TestLampType());
        w.addLamp("L1", "1");
        w.addLamp("L2", "2");
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    private boolean on(String lamp) {
        return ((BooleanValue) w.tree.thing(lamp)
                        .orElseThrow()
                        .parameter("on")
                        .orElseThrow()
                        .currentValue()
                        .orElseThrow())
                .value();
    }

    @Test
    void aCommandRunsOnItsNodeAndAFailureIsReported() throws Exception {
        assertThat(await(w.commands.getNodeCommands(w.to, LAMP1)))
                .extracting(NodeCommand::command, NodeCommand::type)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("toggle", CommandType.SIMPLE),
                        org.assertj.core.groups.Tuple.tuple("history", CommandType.QUERY));
        assertThat(await(w.commands.getCommandParameters(w.to, LAMP1, "history"))
                        .getField("rows"))
                .isNotNull();
        await(w.commands.executeNodeCommand(w.to, LAMP1, "toggle", null));
        assertThat(on("L1")).isTrue();
        assertThat(on("L2")).isFalse();
        assertThat(refused(w.commands.executeNodeCommand(w.to, LAMP1, "fail", null))
                        .getMessage())
                .contains("lamp L1 is broken");
        refused(w.commands.executeNodeCommand(w.to, NOPE, "toggle", null), ResultCode.NOT_FOUND);
        refused(w.commands.executeNodeCommand(w.to, LAMP1, "fly", null), ResultCode.NOT_FOUND);
        refused(w.commands.getCommandParameters(w.to, LAMP1, "fly"), ResultCode.NOT_FOUND);
        ConcentratorException bad =
                refused(w.commands.executeNodeQuery(w.to, LAMP1, "history", form("rows", "0")), ResultCode.FORM_ERROR);
        assertThat(bad.errors()).extracting(e -> e.var()).containsExactly("rows");
    }

    @Test
    void aQueryStreamsItsResultsInDocumentOrder() throws Exception {
        NodeQuery history = await(w.commands.executeNodeQuery(w.to, LAMP1, "history", form("rows", "3")));
        await(history.completion());
        List<QueryEvent> events = history.events("L1");
        assertThat(events)
                .extracting(QueryEvent::element)
                .containsExactly(
                        "queryStarted",
                        "title",
                        "beginSection",
                        "newTable",
                        "newRecords",
                        "tableDone",
                        "endSection",
                        "queryMessage",
                        "queryDone");
        assertThat(((QueryEvent.NewRecords) events.get(4)).records()).hasSize(3);
        assertThat(history.isAborted()).isFalse();
        assertThat(w.server.runningQueryCount()).isZero();
    }

    @Test
    void aQueryRunsUntilAbortedAndIsThenUnknown() throws Exception {
        NodeQuery watch = await(w.commands.executeNodeQuery(w.to, LAMP2, "watch", null));
        CompletableFuture<QueryEvent> status = new CompletableFuture<>();
        watch.addListener((n, e) -> {
            if (e instanceof QueryEvent.Status) {
                status.complete(e);
            }
        });
        assertThat(((QueryEvent.Status) await(status)).message()).isEqualTo("watching L2");
        assertThat(w.server.runningQueryCount()).isEqualTo(1);
        await(watch.abort());
        await(watch.completion());
        assertThat(watch.isAborted()).isTrue();
        assertThat(watch.events("L2")).last().isInstanceOf(QueryEvent.Aborted.class);
        assertThat(w.server.runningQueryCount()).isZero();
        refused(watch.abort(), ResultCode.NOT_FOUND);
    }

    @Test
    void theRequesterGoingOfflineAbortsItsQueries() throws Exception {
        NodeQuery watch = await(w.commands.executeNodeQuery(w.to, LAMP1, "watch", null));
        CompletableFuture<QueryEvent> status = new CompletableFuture<>();
        watch.addListener((n, e) -> {
            if (e instanceof QueryEvent.Status) {
                status.complete(e);
            }
        });
        await(status);
        assertThat(w.server.runningQueryCount()).isEqualTo(1);
        w.clientPeer.inject("<presence type='unavailable' to='" + w.to + "'/>");
        await(watch.completion());
        assertThat(watch.isAborted()).isTrue();
        assertThat(w.server.runningQueryCount()).isZero();
    }

    @Test
    void batchCommandsAndQueriesReportPerNode() throws Exception {
        assertThat(await(w.commands.getCommonNodeCommands(w.to, List.of(LAMP1, LAMP2))))
                .extracting(NodeCommand::command)
                .containsExactly("toggle", "fail", "history", "watch");
        assertThat(await(w.commands.getCommonCommandParameters(w.to, "history", List.of(LAMP1, LAMP2)))
                        .getField("rows"))
                .isNotNull();
        List<NodeResult> results =
                await(w.commands.executeCommonNodeCommand(w.to, "toggle", List.of(LAMP1, NOPE, LAMP2), null));
        assertThat(results).extracting(NodeResult::success).containsExactly(true, false, true);
        assertThat(results.get(1).error()).isEqualTo("unknown node");
        assertThat(on("L1")).isTrue();
        assertThat(on("L2")).isTrue();

        NodeQuery common = await(
                w.commands.executeCommonNodeQuery(w.to, "history", List.of(LAMP1, NOPE, LAMP2), form("rows", "2")));
        assertThat(common.results()).extracting(NodeResult::success).containsExactly(true, false, true);
        await(common.completion());
        assertThat(common.events("L1")).last().isInstanceOf(QueryEvent.Done.class);
        assertThat(common.events("L2")).first().isInstanceOf(QueryEvent.Started.class);
        assertThat(common.events("nope")).isEmpty();

        NodeQuery commonWatch = await(w.commands.executeCommonNodeQuery(w.to, "watch", List.of(LAMP1, LAMP2), null));
        assertThat(w.server.runningQueryCount()).as("one per node").isEqualTo(2);
        await(commonWatch.abort());
        await(commonWatch.completion());
        assertThat(commonWatch.events("L1")).last().isInstanceOf(QueryEvent.Aborted.class);
        assertThat(commonWatch.events("L2")).last().isInstanceOf(QueryEvent.Aborted.class);
        assertThat(w.server.runningQueryCount()).isZero();
    }

    @Test
    void closingTheServerAbortsItsQueries() throws Exception {
        NodeQuery watch = await(w.commands.executeNodeQuery(w.to, LAMP1, "watch", null));
        assertThat(w.server.runningQueryCount()).isEqualTo(1);
        w.server.close();
        await(watch.completion());
        assertThat(watch.isAborted()).isTrue();
        assertThat(w.server.runningQueryCount()).isZero();
    }
}

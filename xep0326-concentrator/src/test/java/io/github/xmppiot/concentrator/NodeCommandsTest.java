package io.github.xmppiot.concentrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.concentrator.element.ConcentratorCommand;
import io.github.xmppiot.concentrator.element.ConcentratorRequest;
import io.github.xmppiot.concentrator.element.ConcentratorResponse;
import io.github.xmppiot.concentrator.element.NodeCommand;
import io.github.xmppiot.concentrator.element.NodeResult;
import io.github.xmppiot.concentrator.element.QueryEvent;
import io.github.xmppiot.concentrator.element.QueryProgress;
import io.github.xmppiot.concentrator.element.ResultCode;
import io.github.xmppiot.concentrator.internal.NodeCommands;
import io.github.xmppiot.concentrator.internal.QueryRunner;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.StringValue;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/** Node commands, node queries and batch commands on the concentrator side (XEP-0326 §3.12, §3.13; C18–C20). */
class NodeCommandsTest {

    private static final Jid CLIENT = JidCreate.fromOrThrowUnchecked("client@example.org/r");
    private static final Jid OTHER = JidCreate.fromOrThrowUnchecked("other@example.org/r");
    private static final NodeRef LAMP1 = NodeRef.of("Lamp1", NodeTree.SOURCE_ID);
    private static final NodeRef LAMP2 = NodeRef.of("Lamp2", NodeTree.SOURCE_ID);
    private static final NodeRef HUB = NodeRef.of("Hub", NodeTree.SOURCE_ID);

    private final List<QueryProgress> sent = new CopyOnWriteArrayList<>();
    private final List<Jid> recipients = new CopyOnWriteArrayList<>();
    private NodeTree tree;
    private QueryRunner runner;
    private NodeCommands commands;

    @BeforeEach
    void setUp() throws Exception {
        tree = new NodeTree("Hub", new ThingDirectory(), Clock.systemUTC()).register(new TestLampType());
        tree.add(
                "Hub", TestLampType.TYPE, "Lamp1", Map.of("address", new IntValue(1), "serial", new StringValue("S1")));
        tree.add(
                "Hub", TestLampType.TYPE, "Lamp2", Map.of("address", new IntValue(2), "serial", new StringValue("S2")));
        // queries are released by hand below, never by the timeout
        runner = new QueryRunner(
                Runnable::run,
                (task, delay) -> {},
                (to, p) -> {
                    recipients.add(to);
                    sent.add(p);
                },
                () -> ConcentratorServerSettings.DEFAULT_MAX_RESPONSE_CHARS);
        commands = new NodeCommands(tree, Runnable::run, runner);
    }

    private ConcentratorResponse call(Jid from, ConcentratorRequest.Builder b) throws Exception {
        ConcentratorRequest r = b.build();
        r.setFrom(from);
        return commands.handle(r).orElseThrow().get(10, TimeUnit.SECONDS);
    }

    private ConcentratorResponse call(ConcentratorRequest.Builder b) throws Exception {
        return call(CLIENT, b);
    }

    private static DataForm rows(String value) {
        return DataForm.builder(DataForm.Type.submit)
                .addField(FormField.textSingleBuilder("rows").setValue(value).build())
                .build();
    }

    private List<QueryEvent> events(String nodeId) {
        return sent.stream()
                .filter(p -> p.node().nodeId().equals(nodeId))
                .flatMap(p -> p.events().stream())
                .toList();
    }

    @Test
    void commandsAreListedWithTheirTypes() throws Exception {
        ConcentratorResponse r = call(ConcentratorRequest.builder(ConcentratorCommand.GET_NODE_COMMANDS)
                .node(LAMP1));
        assertThat(r.commands())
                .extracting(NodeCommand::command, c -> c.type().xmlValue())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("toggle", "Simple"),
                                org.assertj.core.groups.Tuple.tuple("fail", "Simple"),
                        org.assertj.core.groups.Tuple.tuple("history", "Query"),
                                org.assertj.core.groups.Tuple.tuple("watch", "Query"));
        DataForm form = call(ConcentratorRequest.builder(ConcentratorCommand.GET_COMMAND_PARAMETERS)
                        .node(LAMP1)
                        .attribute("command", "history"))
                .form()
                .orElseThrow();
        assertThat(form.getField("rows").isRequired()).isTrue();
    }

    @Test
    void queryAnswersWithQueryIdAndReportsItsResultsInOrderAfterRelease() throws Exception {
        ConcentratorResponse r = call(ConcentratorRequest.builder(ConcentratorCommand.EXECUTE_NODE_QUERY)
                .node(LAMP1)
                .attribute("command", "history")
                .form(rows("3")));
        assertThat(r.result()).isEqualTo(ResultCode.OK);
        String queryId = r.queryId().orElseThrow();
        assertThat(sent).as("nothing before the answer went out").isEmpty();
        assertThat(runner.runningCount()).isEqualTo(1);

        runner.release(queryId);

        assertThat(sent).allSatisfy(p -> {
            assertThat(p.queryId()).isEqualTo(queryId);
            assertThat(p.node()).isEqualTo(LAMP1);
        });
        assertThat(recipients).containsOnly(CLIENT);
        List<QueryEvent> events = events("Lamp1");
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
        QueryEvent.NewRecords records = (QueryEvent.NewRecords) events.get(4);
        assertThat(records.records()).hasSize(3);
        assertThat(records.records().get(1))
                .containsExactly(new QueryEvent.Cell("int", "2", null), new QueryEvent.Cell("boolean", "true", null));
        assertThat(runner.runningCount()).isZero();
        assertThat(call(ConcentratorRequest.builder(ConcentratorCommand.ABORT_NODE_QUERY)
                                .node(LAMP1)
                                .attribute("queryId", queryId))
                        .result())
                .as("finished")
                .isEqualTo(ResultCode.NOT_FOUND);
    }

    @Test
    void queryParametersAreValidatedAndKindsAreNotMixed() throws Exception {
        ConcentratorResponse bad = call(ConcentratorRequest.builder(ConcentratorCommand.EXECUTE_NODE_QUERY)
                .node(LAMP1)
                .attribute("command", "history")
                .form(rows("1000")));
        assertThat(bad.result()).isEqualTo(ResultCode.FORM_ERROR);
        assertThat(bad.errors()).extracting(e -> e.var()).containsExactly("rows");
        assertThat(call(ConcentratorRequest.builder(ConcentratorCommand.EXECUTE_NODE_QUERY)
                                .node(LAMP1)
                                .attribute("command", "toggle"))
                        .result())
                .isEqualTo(ResultCode.NOT_FOUND);
        assertThat(call(ConcentratorRequest.builder(ConcentratorCommand.EXECUTE_NODE_COMMAND)
                                .node(LAMP1)
                                .attribute("command", "watch"))
                        .result())
                .isEqualTo(ResultCode.NOT_FOUND);
        assertThat(call(ConcentratorRequest.builder(ConcentratorCommand.EXECUTE_NODE_QUERY)
                                .node(NodeRef.of("nope", NodeTree.SOURCE_ID))
                                .attribute("command", "watch"))
                        .result())
                .isEqualTo(ResultCode.NOT_FOUND);
        assertThat(runner.runningCount()).isZero();
        assertThat(sent).isEmpty();
    }

    @Test
    void abortSendsQueryAbortedAndSilencesTheQuery() throws Exception {
        String queryId = call(ConcentratorRequest.builder(ConcentratorCommand.EXECUTE_NODE_QUERY)
                        .node(LAMP1)
                        .attribute("command", "watch"))
                .queryId()
                .orElseThrow();
        runner.release(queryId);
        assertThat(events("Lamp1")).extracting(QueryEvent::element).containsExactly("queryStarted", "status");

        assertThat(call(
                                OTHER,
                                ConcentratorRequest.builder(ConcentratorCommand.ABORT_NODE_QUERY)
                                        .node(LAMP1)
                                        .attribute("queryId", queryId))
                        .result())
                .as("not the requester")
                .isEqualTo(ResultCode.NOT_FOUND);
        assertThat(call(ConcentratorRequest.builder(ConcentratorCommand.ABORT_NODE_QUERY)
                                .node(LAMP1)
                                .attribute("queryId", queryId))
                        .result())
                .isEqualTo(ResultCode.OK);
        assertThat(events("Lamp1"))
                .extracting(QueryEvent::element)
                .containsExactly("queryStarted", "status", "queryAborted");
        assertThat(call(ConcentratorRequest.builder(ConcentratorCommand.ABORT_NODE_QUERY)
                                .node(LAMP1)
                                .attribute("queryId", queryId))
                        .result())
                .isEqualTo(ResultCode.NOT_FOUND);
        assertThat(runner.runningCount()).isZero();
    }

    @Test
    void requesterGoingOfflineAbortsItsQueries() throws Exception {
        String queryId = call(ConcentratorRequest.builder(ConcentratorCommand.EXECUTE_NODE_QUERY)
                        .node(LAMP1)
                        .attribute("command", "watch"))
                .queryId()
                .orElseThrow();
        call(
                OTHER,
                ConcentratorRequest.builder(ConcentratorCommand.EXECUTE_NODE_QUERY)
                        .node(LAMP2)
                        .attribute("command", "watch"));
        runner.abortAll(CLIENT);
        assertThat(events("Lamp1")).extracting(QueryEvent::element).containsExactly("queryAborted");
        assertThat(runner.runningCount()).isEqualTo(1);
        runner.release(queryId);
        assertThat(events("Lamp1")).as("an aborted query never starts").hasSize(1);
    }

    @Test
    void commonCommandsAreTheCommandsOfEveryNode() throws Exception {
        assertThat(call(ConcentratorRequest.builder(ConcentratorCommand.GET_COMMON_NODE_COMMANDS)
                                .nodes(List.of(LAMP1, LAMP2)))
                        .commands())
                .extracting(NodeCommand::command)
                .containsExactly("toggle", "fail", "history", "watch");
        assertThat(call(ConcentratorRequest.builder(ConcentratorCommand.GET_COMMON_NODE_COMMANDS)
                                .nodes(List.of(LAMP1, HUB)))
                        .commands())
                .isEmpty();
        assertThat(call(ConcentratorRequest.builder(ConcentratorCommand.GET_COMMON_COMMAND_PARAMETERS)
                                .attribute("command", "history")
                                .nodes(List.of(LAMP1, LAMP2)))
                        .form()
                        .orElseThrow()
                        .getField("rows"))
                .isNotNull();
        assertThat(call(ConcentratorRequest.builder(ConcentratorCommand.GET_COMMON_COMMAND_PARAMETERS)
                                .attribute("command", "history")
                                .nodes(List.of(LAMP1, HUB)))
                        .result())
                .isEqualTo(ResultCode.NOT_FOUND);
        assertThat(call(ConcentratorRequest.builder(ConcentratorCommand.GET_COMMON_NODE_COMMANDS)
                                .nodes(List.of(LAMP1, NodeRef.of("nope", NodeTree.SOURCE_ID))))
                        .result())
                .isEqualTo(ResultCode.NOT_FOUND);
    }

    @Test
    void batchCommandIsOkWithPerNodeResultsEvenWhenSomeNodesFail() throws Exception {
        NodeRef nope = NodeRef.of("nope", NodeTree.SOURCE_ID);
        ConcentratorResponse r = call(ConcentratorRequest.builder(ConcentratorCommand.EXECUTE_COMMON_NODE_COMMAND)
                .attribute("command", "toggle")
                .nodes(List.of(LAMP1, nope, HUB, LAMP2)));
        assertThat(r.result()).isEqualTo(ResultCode.OK);
        assertThat(r.nodeResults()).extracting(NodeResult::success).containsExactly(true, false, false, true);
        assertThat(r.nodeResults().get(1).error()).isEqualTo("unknown node");
        assertThat(r.nodeResults().get(2).error()).contains("does not offer toggle");
        for (String id : List.of("Lamp1", "Lamp2")) {
            assertThat(tree.thing(id)
                            .orElseThrow()
                            .parameter("on")
                            .orElseThrow()
                            .currentValue()
                            .orElseThrow())
                    .isEqualTo(BooleanValue.of(true));
        }
        ConcentratorResponse failed = call(ConcentratorRequest.builder(ConcentratorCommand.EXECUTE_COMMON_NODE_COMMAND)
                .attribute("command", "fail")
                .nodes(List.of(LAMP1, LAMP2)));
        assertThat(failed.result()).isEqualTo(ResultCode.OK);
        assertThat(failed.nodeResults())
                .containsExactly(
                        new NodeResult(false, "lamp Lamp1 is broken"), new NodeResult(false, "lamp Lamp2 is broken"));
        assertThat(call(ConcentratorRequest.builder(ConcentratorCommand.EXECUTE_COMMON_NODE_COMMAND)
                                .attribute("command", "nothing")
                                .nodes(List.of(LAMP1)))
                        .result())
                .isEqualTo(ResultCode.NOT_FOUND);
    }

    @Test
    void commonQueryRunsOnEveryNodeUnderOneQueryIdAndCanBeAborted() throws Exception {
        ConcentratorResponse bad = call(ConcentratorRequest.builder(ConcentratorCommand.EXECUTE_COMMON_NODE_QUERY)
                .attribute("command", "history")
                .nodes(List.of(LAMP1, LAMP2))
                .form(rows("x")));
        assertThat(bad.result()).isEqualTo(ResultCode.FORM_ERROR);

        ConcentratorResponse r = call(ConcentratorRequest.builder(ConcentratorCommand.EXECUTE_COMMON_NODE_QUERY)
                .attribute("command", "history")
                .nodes(List.of(LAMP1, HUB, LAMP2))
                .form(rows("2")));
        assertThat(r.result()).isEqualTo(ResultCode.OK);
        assertThat(r.nodeResults()).extracting(NodeResult::success).containsExactly(true, false, true);
        runner.release(r.queryId().orElseThrow());
        for (String id : List.of("Lamp1", "Lamp2")) {
            assertThat(events(id)).first().isInstanceOf(QueryEvent.Started.class);
            assertThat(events(id)).last().isInstanceOf(QueryEvent.Done.class);
        }
        assertThat(sent)
                .extracting(QueryProgress::queryId)
                .containsOnly(r.queryId().get());

        sent.clear();
        String watch = call(ConcentratorRequest.builder(ConcentratorCommand.EXECUTE_COMMON_NODE_QUERY)
                        .attribute("command", "watch")
                        .nodes(List.of(LAMP1, LAMP2)))
                .queryId()
                .orElseThrow();
        runner.release(watch);
        assertThat(call(ConcentratorRequest.builder(ConcentratorCommand.ABORT_COMMON_NODE_QUERY)
                                .attribute("queryId", watch)
                                .nodes(List.of(LAMP1, LAMP2)))
                        .result())
                .isEqualTo(ResultCode.OK);
        assertThat(events("Lamp1")).last().isInstanceOf(QueryEvent.Aborted.class);
        assertThat(events("Lamp2")).last().isInstanceOf(QueryEvent.Aborted.class);
        assertThat(call(ConcentratorRequest.builder(ConcentratorCommand.ABORT_COMMON_NODE_QUERY)
                                .attribute("queryId", watch)
                                .nodes(List.of(LAMP1, LAMP2)))
                        .result())
                .as("already ended")
                .isEqualTo(ResultCode.NOT_FOUND);
    }
}

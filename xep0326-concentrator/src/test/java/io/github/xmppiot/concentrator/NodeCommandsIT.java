package io.github.xmppiot.concentrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.concentrator.element.CommandType;
import io.github.xmppiot.concentrator.element.NodeCommand;
import io.github.xmppiot.concentrator.element.NodeResult;
import io.github.xmppiot.concentrator.element.QueryEvent;
import io.github.xmppiot.concentrator.element.ResultCode;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.StringValue;
import io.github.xmppiot.testkit.Friendship;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;

/** Node commands, node queries and batch commands over a real Prosody server (XEP-0326 §3.12, §3.13; C18–C20). */
@ProsodyTest
class NodeCommandsIT {

    private static final NodeRef LAMP1 = NodeRef.of("Lamp1", NodeTree.SOURCE_ID);
    private static final NodeRef LAMP2 = NodeRef.of("Lamp2", NodeTree.SOURCE_ID);

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    private static DataForm rows(int n) {
        return DataForm.builder(DataForm.Type.submit)
                .addField(FormField.textSingleBuilder("rows")
                        .setValue(Integer.toString(n))
                        .build())
                .build();
    }

    @Test
    void queriesStreamTheirResultsAndCanBeAbortedAndBatchCommandsReportPerNode(ProsodyServer server) throws Exception {
        XMPPTCPConnection hub = server.connect("cmdhub");
        XMPPTCPConnection client = server.connect("cmdclient");
        NodeTree tree = new NodeTree("Hub", new ThingDirectory(), Clock.systemUTC()).register(new TestLampType());
        tree.add(
                "Hub", TestLampType.TYPE, "Lamp1", Map.of("address", new IntValue(1), "serial", new StringValue("S1")));
        tree.add(
                "Hub", TestLampType.TYPE, "Lamp2", Map.of("address", new IntValue(2), "serial", new StringValue("S2")));
        ConcentratorServer concentrator = ConcentratorServer.getInstanceFor(hub).update(s -> s.tree(tree));
        Friendship.establish(hub, client, Duration.ofSeconds(10));
        Jid to = hub.getUser();
        NodeCommandClient c = NodeCommandClient.getInstanceFor(client);

        assertThat(await(ConcentratorClient.getInstanceFor(client).getCapabilities(to)))
                .contains(
                        "executeNodeQuery",
                        "abortNodeQuery",
                        "getCommonNodeCommands",
                        "getCommonCommandParameters",
                        "executeCommonNodeCommand",
                        "executeCommonNodeQuery",
                        "abortCommonNodeQuery");
        assertThat(await(c.getNodeCommands(to, LAMP1)))
                .filteredOn(x -> x.command().equals("history"))
                .extracting(NodeCommand::type)
                .containsExactly(CommandType.QUERY);
        assertThat(await(c.getCommandParameters(to, LAMP1, "history")).getField("rows"))
                .isNotNull();

        // a query: OK + queryId, then its events in document order
        NodeQuery history = await(c.executeNodeQuery(to, LAMP1, "history", rows(3)));
        await(history.completion());
        List<QueryEvent> events = history.events("Lamp1");
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
        List<QueryEvent> replayed = new CopyOnWriteArrayList<>();
        history.addListener((node, e) -> replayed.add(e));
        assertThat(replayed).isEqualTo(events);

        // a query that runs until aborted
        NodeQuery watch = await(c.executeNodeQuery(to, LAMP2, "watch", null));
        CompletableFuture<QueryEvent> status = new CompletableFuture<>();
        watch.addListener((node, e) -> {
            if (e instanceof QueryEvent.Status) {
                status.complete(e);
            }
        });
        assertThat(((QueryEvent.Status) await(status)).message()).isEqualTo("watching Lamp2");
        await(watch.abort());
        await(watch.completion());
        assertThat(watch.isAborted()).isTrue();
        assertThat(watch.events("Lamp2")).last().isInstanceOf(QueryEvent.Aborted.class);
        assertThat(concentrator.runningQueryCount()).isZero();
        assertThatThrownBy(() -> await(watch.abort()))
                .cause()
                .isInstanceOf(ConcentratorException.class)
                .extracting(e -> ((ConcentratorException) e).result())
                .isEqualTo(ResultCode.NOT_FOUND);

        // batch commands: OK overall, one result per node
        NodeRef nope = NodeRef.of("nope", NodeTree.SOURCE_ID);
        assertThat(await(c.getCommonNodeCommands(to, List.of(LAMP1, LAMP2))))
                .extracting(NodeCommand::command)
                .containsExactly("toggle", "fail", "history", "watch");
        assertThat(await(c.getCommonCommandParameters(to, "history", List.of(LAMP1, LAMP2)))
                        .getField("rows"))
                .isNotNull();
        List<NodeResult> results = await(c.executeCommonNodeCommand(to, "toggle", List.of(LAMP1, nope, LAMP2), null));
        assertThat(results).extracting(NodeResult::success).containsExactly(true, false, true);
        assertThat(results.get(1).error()).isEqualTo("unknown node");
        assertThat(tree.thing("Lamp2")
                        .orElseThrow()
                        .parameter("on")
                        .orElseThrow()
                        .currentValue()
                        .orElseThrow())
                .isEqualTo(BooleanValue.of(true));

        NodeQuery common = await(c.executeCommonNodeQuery(to, "history", List.of(LAMP1, nope, LAMP2), rows(2)));
        assertThat(common.results()).extracting(NodeResult::success).containsExactly(true, false, true);
        await(common.completion());
        assertThat(common.events("Lamp1")).last().isInstanceOf(QueryEvent.Done.class);
        assertThat(common.events("Lamp2")).first().isInstanceOf(QueryEvent.Started.class);
        assertThat(common.events("nope")).isEmpty();

        NodeQuery commonWatch = await(c.executeCommonNodeQuery(to, "watch", List.of(LAMP1, LAMP2), null));
        await(commonWatch.abort());
        await(commonWatch.completion());
        assertThat(commonWatch.events("Lamp1")).last().isInstanceOf(QueryEvent.Aborted.class);
        assertThat(commonWatch.events("Lamp2")).last().isInstanceOf(QueryEvent.Aborted.class);
    }
}

package io.github.xmppiot.concentrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.concentrator.element.NodeEvent;
import io.github.xmppiot.concentrator.element.NodeInformation;
import io.github.xmppiot.concentrator.element.ResultCode;
import io.github.xmppiot.concentrator.request.DataSourceRequest;
import io.github.xmppiot.concentrator.request.DatabaseRequest;
import io.github.xmppiot.concentrator.request.Direction;
import io.github.xmppiot.concentrator.request.EditRequest;
import io.github.xmppiot.concentrator.request.NodeDetail;
import io.github.xmppiot.concentrator.request.NodeRequest;
import io.github.xmppiot.concentrator.request.Reply;
import io.github.xmppiot.concentrator.request.TreeRequest;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.testkit.Friendship;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;

/**
 * The typed requests of XEP-0326 (§3.2–§3.11) through a real Prosody to a real {@link ConcentratorServer}: each gives
 * its precise reply, no request is changed by sending it, and the client's settings, executors and close follow the
 * manager convention.
 */
@ProsodyTest
class TypedClientIT {

    private static final NodeRef ROOT = NodeRef.of("Hub", NodeTree.SOURCE_ID);

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    private static DataForm lamp(String id, String address) {
        DataForm.Builder b = DataForm.builder(DataForm.Type.submit);
        b.addField(FormField.textSingleBuilder("id").setValue(id).build());
        b.addField(FormField.textSingleBuilder("address").setValue(address).build());
        b.addField(FormField.textSingleBuilder("serial").setValue("SN-" + id).build());
        return b.build();
    }

    @Test
    void typedRequestsGiveTypedRepliesAndAreNotChangedBySending(ProsodyServer server) throws Exception {
        XMPPTCPConnection hub = server.connect("hub");
        XMPPTCPConnection client = server.connect("client");
        NodeTree tree = new NodeTree("Hub", new ThingDirectory(), Clock.systemUTC()).register(new TestLampType());
        ConcentratorServer.getInstanceFor(hub).update(s -> s.tree(tree));
        Friendship.establish(hub, client, Duration.ofSeconds(10));
        Jid to = hub.getUser();
        ConcentratorClient c = ConcentratorClient.getInstanceFor(client);

        Reply.Capabilities caps = await(c.execute(to, new DataSourceRequest.GetCapabilities()));
        assertThat(caps.commands()).contains("getNodeInheritance", "moveNodesUp");

        EditRequest.CreateNewNode create = new EditRequest.CreateNewNode(ROOT, TestLampType.TYPE, lamp("L1", "1"));
        EditRequest.CreateNewNode copy = new EditRequest.CreateNewNode(create.parent(), create.type(), create.form());
        Reply.Nodes created = await(c.execute(to, create));
        assertThat(created.first().nodeId()).isEqualTo("L1");
        assertThat(create.parent()).isEqualTo(copy.parent());
        assertThat(create.toElement().getChildElementXML().toString())
                .as("the request is unchanged by sending it")
                .isEqualTo(copy.toElement().getChildElementXML().toString());
        await(c.createNewNode(to, ROOT, TestLampType.TYPE, lamp("L2", "2")));

        NodeRef l1 = NodeRef.of("L1", NodeTree.SOURCE_ID);
        NodeRef l2 = NodeRef.of("L2", NodeTree.SOURCE_ID);
        NodeRequest.GetNode getNode = new NodeRequest.GetNode(l1, Set.of(NodeDetail.PARAMETERS));
        Reply.Node node = await(c.execute(to, getNode));
        assertThat(node.node().parameters()).extracting(p -> p.id()).contains("address");
        Reply.Node again = await(c.execute(to, getNode));
        assertThat(again.node().nodeId())
                .as("the same request object sent twice")
                .isEqualTo("L1");
        assertThat(getNode).isEqualTo(new NodeRequest.GetNode(l1, Set.of(NodeDetail.PARAMETERS)));
        assertThat(await(c.getNode(to, l1, NodeDetail.NONE)).parameters()).isEmpty();

        Reply.ContainsEach each = await(c.execute(
                to, new NodeRequest.ContainsNodes(List.of(l1, NodeRef.of("none", NodeTree.SOURCE_ID)))));
        assertThat(each.contained()).containsExactly(true, false);
        Reply.Nodes nodes = await(c.execute(to, new NodeRequest.GetNodes(List.of(l2, l1), NodeDetail.NONE)));
        assertThat(nodes.nodes()).extracting(NodeInformation::nodeId).containsExactly("L2", "L1");
        Reply.Inheritance inheritance = await(c.execute(to, new NodeRequest.GetNodeInheritance(l1)));
        assertThat(inheritance.baseClasses()).isNotNull();

        Reply.Done moved = await(c.execute(to, new NodeRequest.MoveNodes(List.of(l2), Direction.UP)));
        assertThat(moved).isEqualTo(Reply.DONE);
        assertThat(await(c.getChildNodes(to, ROOT, NodeDetail.NONE)))
                .extracting(NodeInformation::nodeId)
                .containsExactly("L2", "L1");
        await(c.moveNode(to, l2, Direction.DOWN));
        Reply.Nodes children = await(c.execute(to, new TreeRequest.GetChildNodes(ROOT, NodeDetail.NONE)));
        assertThat(children.nodes()).extracting(NodeInformation::nodeId).containsExactly("L1", "L2");
        Reply.Nodes all = await(c.execute(to, new TreeRequest.GetAllNodes(NodeTree.SOURCE_ID, NodeDetail.ALL)));
        assertThat(all.nodes()).extracting(NodeInformation::nodeId).containsExactlyInAnyOrder("Hub", "L1", "L2");
        Reply.DataSources sources = await(c.execute(to, new DataSourceRequest.GetAllDataSources()));
        assertThat(sources.sources()).extracting(s -> s.sourceId()).containsExactly(NodeTree.SOURCE_ID);

        assertThatThrownBy(() -> await(c.execute(to, new DatabaseRequest.GetDatabases())))
                .cause()
                .isInstanceOfSatisfying(
                        ConcentratorException.class, e -> assertThat(e.result()).isEqualTo(ResultCode.NOT_IMPLEMENTED));
    }

    static Reply.ContainsEach readmeExample(XMPPTCPConnection connection, Jid hub, NodeRef a, NodeRef b) {
        // README-BEGIN
        ConcentratorClient client = ConcentratorClient.getInstanceFor(connection);
        List<NodeInformation> nodes = client.getAllNodes(hub, NodeTree.SOURCE_ID, Set.of(NodeDetail.PARAMETERS))
                .join();
        Reply.ContainsEach found = client.execute(hub, new NodeRequest.ContainsNodes(List.of(a, b)))
                .join();
        client.execute(hub, new NodeRequest.MoveNodes(List.of(b), Direction.UP)).join();
        // README-END
        assertThat(nodes).isNotEmpty();
        return found;
    }

    @Test
    void theModuleReadmeExampleRunsAndIsShownExactly(ProsodyServer server) throws Exception {
        XMPPTCPConnection hub = server.connect("hub4");
        XMPPTCPConnection client = server.connect("client4");
        NodeTree tree = new NodeTree("Hub", new ThingDirectory(), Clock.systemUTC()).register(new TestLampType());
        ConcentratorServer.getInstanceFor(hub).update(s -> s.tree(tree));
        Friendship.establish(hub, client, Duration.ofSeconds(10));
        ConcentratorClient c = ConcentratorClient.getInstanceFor(client);
        await(c.createNewNode(hub.getUser(), ROOT, TestLampType.TYPE, lamp("A", "5")));
        await(c.createNewNode(hub.getUser(), ROOT, TestLampType.TYPE, lamp("B", "6")));
        NodeRef a = NodeRef.of("A", NodeTree.SOURCE_ID);
        NodeRef b = NodeRef.of("B", NodeTree.SOURCE_ID);

        assertThat(readmeExample(client, hub.getUser(), a, b).contained()).containsExactly(true, true);
        assertThat(tree.children("Hub")).extracting(n -> n.nodeId()).containsExactly("B", "A");

        String readme = Files.readString(Path.of("README.md"));
        String source = Files.readString(
                Path.of("src", "test", "java", "io", "github", "xmppiot", "concentrator", "TypedClientIT.java"));
        List<String> lines = new ArrayList<>();
        boolean inside = false;
        for (String line : source.split("\n")) {
            if (line.strip().equals("// README-BEGIN")) {
                inside = true;
            } else if (line.strip().equals("// README-END")) {
                inside = false;
            } else if (inside) {
                lines.add(line.length() >= 8 ? line.substring(8) : line.strip());
            }
        }
        assertThat(readme).contains("```java\n" + String.join("\n", lines) + "\n```\n");
    }

    @Test
    void aSubscriptionSelectsEventKindsAndDetails(ProsodyServer server) throws Exception {
        XMPPTCPConnection hub = server.connect("hub3");
        XMPPTCPConnection client = server.connect("client3");
        NodeTree tree = new NodeTree("Hub", new ThingDirectory(), Clock.systemUTC()).register(new TestLampType());
        ConcentratorServer.getInstanceFor(hub).update(s -> s.tree(tree));
        Friendship.establish(hub, client, Duration.ofSeconds(10));
        Jid to = hub.getUser();
        ConcentratorClient c = ConcentratorClient.getInstanceFor(client);
        BlockingQueue<NodeEvent> events = new LinkedBlockingQueue<>();
        c.addEventListener((from, e) -> events.add(e));

        await(c.execute(
                to,
                new DataSourceRequest.Subscribe(
                        NodeTree.SOURCE_ID, Set.of(NodeEvent.Kind.NODE_REMOVED), NodeDetail.NONE, null)));
        await(c.createNewNode(to, ROOT, TestLampType.TYPE, lamp("A", "3")));
        await(c.destroyNode(to, NodeRef.of("A", NodeTree.SOURCE_ID)));

        NodeEvent first = events.poll(20, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        assertThat(first.kind()).as("nodeAdded was not selected").isEqualTo(NodeEvent.Kind.NODE_REMOVED);
    }

    @Test
    void settingsExecutorsAndCloseFollowTheManagerConvention(ProsodyServer server) throws Exception {
        XMPPTCPConnection hub = server.connect("hub2");
        XMPPTCPConnection client = server.connect("client2");
        ConcentratorServer.getInstanceFor(hub)
                .update(s -> s.tree(new NodeTree("Hub", new ThingDirectory(), Clock.systemUTC())));
        Friendship.establish(hub, client, Duration.ofSeconds(10));
        Jid to = hub.getUser();
        IotExecutors own =
                IotExecutors.builder().name("concentrator-client-test").build();
        ConcentratorClient c = ConcentratorClient.getInstanceFor(client);
        assertThat(c.settings()).isEqualTo(ConcentratorClientSettings.DEFAULTS);

        c.update(b -> b.executors(own).eventBacklog(10));
        assertThat(own.activeLeases()).isEqualTo(1);
        assertThat(c.settings().eventBacklog()).isEqualTo(10);
        Thread[] thread = new Thread[1];
        await(c.getCapabilities(to).thenRun(() -> thread[0] = Thread.currentThread()));
        assertThat(thread[0].getName()).startsWith("concentrator-client-test-work-");

        c.close();
        c.close();
        assertThat(own.activeLeases()).isZero();
        assertThatThrownBy(() -> await(c.getCapabilities(to)))
                .cause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        ConcentratorClient fresh = ConcentratorClient.getInstanceFor(client);
        assertThat(fresh).isNotSameAs(c);
        assertThat(fresh.settings()).isEqualTo(ConcentratorClientSettings.DEFAULTS);
        assertThat(await(fresh.getCapabilities(to))).contains("getCapabilities");
    }
}

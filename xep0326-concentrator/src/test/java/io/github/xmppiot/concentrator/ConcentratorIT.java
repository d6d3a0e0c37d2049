package io.github.xmppiot.concentrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.concentrator.element.ConcentratorRequest;
import io.github.xmppiot.concentrator.element.ConcentratorResponse;
import io.github.xmppiot.concentrator.element.NodeEvent;
import io.github.xmppiot.concentrator.element.NodeInformation;
import io.github.xmppiot.concentrator.element.ParameterError;
import io.github.xmppiot.concentrator.element.ResultCode;
import io.github.xmppiot.concentrator.provider.ConcentratorResponseProvider;
import io.github.xmppiot.concentrator.request.DatabaseRequest;
import io.github.xmppiot.concentrator.request.Direction;
import io.github.xmppiot.concentrator.request.NodeDetail;
import io.github.xmppiot.concentrator.request.NodeRequest;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.testkit.Friendship;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;

/** A client manages the nodes of a concentrator over a real Prosody server (XEP-0326 §3.2–§3.12). */
@ProsodyTest
class ConcentratorIT {

    private static final NodeRef ROOT = NodeRef.of("Hub", NodeTree.SOURCE_ID);

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    private static DataForm submit(String id, String address, String serial) {
        DataForm.Builder b = DataForm.builder(DataForm.Type.submit);
        b.addField(FormField.textSingleBuilder("id").setValue(id).build());
        b.addField(FormField.textSingleBuilder("address").setValue(address).build());
        b.addField(FormField.textSingleBuilder("serial").setValue(serial).build());
        return b.build();
    }

    @Test
    void clientCreatesEditsAndDestroysNodesAndSeesEvents(ProsodyServer server) throws Exception {
        XMPPTCPConnection hub = server.connect("hub");
        XMPPTCPConnection client = server.connect("client");
        NodeTree tree = new NodeTree("Hub", new ThingDirectory(), Clock.systemUTC()).register(new TestLampType());
        ConcentratorServer.getInstanceFor(hub).update(s -> s.tree(tree));
        Friendship.establish(hub, client, Duration.ofSeconds(10));
        Jid to = hub.getUser();
        ConcentratorClient c = ConcentratorClient.getInstanceFor(client);
        NodeCommandClient cmd = NodeCommandClient.getInstanceFor(client);

        assertThat(ServiceDiscoveryManager.getInstanceFor(client).supportsFeature(to, ConcentratorServer.FEATURE))
                .isTrue();
        List<String> caps = await(c.getCapabilities(to));
        assertThat(caps)
                .hasSize(ConcentratorServer.SUPPORTED.size())
                .contains("getAllNodes", "createNewNode", "subscribe")
                .doesNotContain("getDatabases");
        assertThat(await(c.getAllDataSources(to))).extracting(s -> s.sourceId()).containsExactly(NodeTree.SOURCE_ID);
        assertThat(await(c.getRootNodes(to, NodeTree.SOURCE_ID)))
                .extracting(NodeInformation::nodeId)
                .containsExactly("Hub");

        BlockingQueue<NodeEvent> events = new LinkedBlockingQueue<>();
        c.addEventListener((from, e) -> events.add(e));
        await(c.subscribe(to, NodeTree.SOURCE_ID, Set.of(NodeDetail.PARAMETERS)));

        assertThat(await(c.getAddableNodeTypes(to, ROOT)))
                .extracting(t -> t.type())
                .containsExactly(TestLampType.TYPE);
        DataForm form = await(c.getParametersForNewNode(to, ROOT, TestLampType.TYPE));
        assertThat(form.getField("address")).isNotNull();
        assertThat(form.getField("id").isRequired()).isTrue();

        NodeInformation lamp = await(c.createNewNode(to, ROOT, TestLampType.TYPE, submit("Lamp1", "12", "SN-1")));
        assertThat(lamp.nodeId()).isEqualTo("Lamp1");
        assertThat(lamp.parentId()).isEqualTo("Hub");
        assertThat(lamp.controllable()).isTrue();
        assertThat(tree.directory().get(NodeRef.of("Lamp1", NodeTree.SOURCE_ID)))
                .isPresent();
        NodeEvent added = events.poll(20, TimeUnit.SECONDS);
        assertThat(added.kind()).isEqualTo(NodeEvent.Kind.NODE_ADDED);
        assertThat(added.node().nodeId()).isEqualTo("Lamp1");
        assertThat(added.node().parameters()).extracting(p -> p.id()).contains("address", "serial");

        // invalid form: per-field errors, nothing created
        ExecutionException bad = org.junit.jupiter.api.Assertions.assertThrows(
                ExecutionException.class,
                () -> await(c.createNewNode(to, ROOT, TestLampType.TYPE, submit("Lamp1", "999", ""))));
        ConcentratorException ce = (ConcentratorException) bad.getCause();
        assertThat(ce.result()).isEqualTo(ResultCode.FORM_ERROR);
        assertThat(ce.errors()).extracting(ParameterError::var).containsExactlyInAnyOrder("id", "address", "serial");
        assertThat(tree.size()).isEqualTo(2);

        // edit: rename and change the address; serial is read-only and stays
        DataForm edit = await(c.getNodeParametersForEdit(to, NodeRef.of("Lamp1", NodeTree.SOURCE_ID)));
        assertThat(edit.getField("serial").getFormFieldChildElements())
                .contains(io.github.xmppiot.core.element.DynamicFormFlag.READ_ONLY);
        NodeInformation edited = await(c.setNodeParametersAfterEdit(
                to, NodeRef.of("Lamp1", NodeTree.SOURCE_ID), submit("Lamp2", "13", "CHANGED")));
        assertThat(edited.nodeId()).isEqualTo("Lamp2");
        assertThat(tree.get("Lamp2").orElseThrow().configuration().get("serial").lexical())
                .isEqualTo("SN-1");
        NodeEvent updated = events.poll(20, TimeUnit.SECONDS);
        assertThat(updated.kind()).isEqualTo(NodeEvent.Kind.NODE_UPDATED);
        assertThat(updated.oldId()).isEqualTo("Lamp1");

        // simple node command
        assertThat(await(cmd.getNodeCommands(to, NodeRef.of("Lamp2", NodeTree.SOURCE_ID))))
                .extracting(x -> x.command())
                .contains("toggle", "history");
        await(cmd.executeNodeCommand(to, NodeRef.of("Lamp2", NodeTree.SOURCE_ID), "toggle", null));
        assertThat(tree.thing("Lamp2")
                        .orElseThrow()
                        .parameter("on")
                        .orElseThrow()
                        .currentValue()
                        .orElseThrow()
                        .lexical())
                .isEqualTo("true");

        // ordering
        await(c.createNewNode(to, ROOT, TestLampType.TYPE, submit("Lamp3", "14", "SN-3")));
        assertThat(events.poll(20, TimeUnit.SECONDS).afterNodeId()).isEqualTo("Lamp2");
        await(c.moveNode(to, NodeRef.of("Lamp3", NodeTree.SOURCE_ID), Direction.UP));
        assertThat(events.poll(20, TimeUnit.SECONDS).kind()).isEqualTo(NodeEvent.Kind.NODE_MOVED_UP);
        await(c.moveNode(to, NodeRef.of("Lamp3", NodeTree.SOURCE_ID), Direction.UP)); // already first: OK, no event
        assertThat(await(c.getChildNodes(to, ROOT, NodeDetail.NONE)))
                .extracting(NodeInformation::nodeId)
                .containsExactly("Lamp3", "Lamp2");

        await(c.destroyNode(to, NodeRef.of("Lamp2", NodeTree.SOURCE_ID)));
        NodeEvent removed = events.poll(20, TimeUnit.SECONDS);
        assertThat(removed.kind()).as("no event for the unmoved node").isEqualTo(NodeEvent.Kind.NODE_REMOVED);
        assertThat(removed.node().nodeId()).isEqualTo("Lamp2");
        assertThat(await(c.containsNode(to, NodeRef.of("Lamp2", NodeTree.SOURCE_ID))))
                .isFalse();
        assertThat(await(c.execute(
                                to,
                                new NodeRequest.GetAncestors(NodeRef.of("Lamp3", NodeTree.SOURCE_ID), NodeDetail.NONE)))
                        .nodes())
                .extracting(NodeInformation::nodeId)
                .containsExactly("Lamp3", "Hub");
    }

    @Test
    void failuresCarryResultCodeAndXmppError(ProsodyServer server) throws Exception {
        XMPPTCPConnection hub = server.connect("hub2");
        XMPPTCPConnection client = server.connect("client2");
        ConcentratorServer.getInstanceFor(hub)
                .update(s -> s.tree(new NodeTree("Hub", new ThingDirectory(), Clock.systemUTC())));
        ConcentratorClient c = ConcentratorClient.getInstanceFor(client);
        Jid to = hub.getUser();

        // Not a friend yet: even reading is refused, with the result code and a forbidden error.
        assertThatThrownBy(() -> await(c.getNode(to, NodeRef.of("Hub", NodeTree.SOURCE_ID), NodeDetail.NONE)))
                .cause()
                .satisfies(e -> {
                    ConcentratorException x = (ConcentratorException) e;
                    assertThat(x.result()).isEqualTo(ResultCode.INSUFFICIENT_PRIVILEGES);
                    assertThat(x.response().get().getError().getCondition().toString())
                            .isEqualTo("forbidden");
                });
        Friendship.establish(hub, client, Duration.ofSeconds(10));

        assertThatThrownBy(() -> await(c.getNode(to, NodeRef.of("nope", NodeTree.SOURCE_ID), NodeDetail.NONE)))
                .hasCauseInstanceOf(ConcentratorException.class)
                .cause()
                .satisfies(e -> {
                    ConcentratorException x = (ConcentratorException) e;
                    assertThat(x.result()).isEqualTo(ResultCode.NOT_FOUND);
                    assertThat(x.response()).isPresent();
                    assertThat(x.response().get().getError().getCondition().toString())
                            .isEqualTo("item-not-found");
                });
        assertThatThrownBy(() -> await(c.execute(to, new DatabaseRequest.GetDatabases())))
                .cause()
                .isInstanceOf(ConcentratorException.class)
                .extracting(e -> ((ConcentratorException) e).result())
                .isEqualTo(ResultCode.NOT_IMPLEMENTED);
        assertThatThrownBy(() -> await(c.destroyNode(to, NodeRef.of("Hub", NodeTree.SOURCE_ID))))
                .cause()
                .isInstanceOf(ConcentratorException.class);

        // A command XEP-0326 does not define: <teleportResponse result='NotImplemented'/> with an error (326-2).
        assertThatThrownBy(() -> client.sendIqRequestAndWaitForResponse(teleport(to)))
                .isInstanceOfSatisfying(XMPPException.XMPPErrorException.class, e -> {
                    assertThat(e.getStanza()).isInstanceOf(ConcentratorResponse.class);
                    ConcentratorResponse r = (ConcentratorResponse) e.getStanza();
                    assertThat(r.element()).isEqualTo("teleportResponse");
                    assertThat(r.result()).isEqualTo(ResultCode.NOT_IMPLEMENTED);
                    assertThat(e.getStanzaError().getCondition().toString()).isEqualTo("feature-not-implemented");
                });
        assertThat(hub.isConnected()).isTrue();
    }

    /** A request XEP-0326 does not define, {@code <teleport/>}; its answer is parsed as a concentrator response. */
    private static IQ teleport(Jid to) {
        ProviderManager.addIQProvider(
                "teleportResponse", ConcentratorRequest.NAMESPACE, ConcentratorResponseProvider.INSTANCE);
        IQ teleport = new IQ("teleport", ConcentratorRequest.NAMESPACE) {
            @Override
            protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
                xml.setEmptyElement();
                return xml;
            }
        };
        teleport.setType(IQ.Type.set);
        teleport.setTo(to);
        return teleport;
    }

    @Test
    void settingsSwapForTheNextRequestAndCloseReleasesEverything(ProsodyServer server) throws Exception {
        XMPPTCPConnection hub = server.connect("hub3");
        XMPPTCPConnection client = server.connect("client3");
        IotExecutors executors =
                IotExecutors.builder().name("concentrator-it").workThreads(2).build();
        NodeTree tree = new NodeTree("Hub", new ThingDirectory(), Clock.systemUTC()).register(new TestLampType());
        CompletableFuture<String> changedOn = new CompletableFuture<>();
        tree.addListener(e -> changedOn.complete(Thread.currentThread().getName()));
        ConcentratorServer concentrator = ConcentratorServer.getInstanceFor(hub)
                .configure(ConcentratorServerSettings.builder()
                        .tree(tree)
                        .accessPolicy(AccessPolicy.allowEveryone())
                        .executors(executors)
                        .build());
        assertThat(executors.activeLeases()).isEqualTo(1);
        assertThat(ServiceDiscoveryManager.getInstanceFor(hub).includesFeature(ConcentratorServer.FEATURE))
                .isTrue();
        ConcentratorClient c = ConcentratorClient.getInstanceFor(client);
        Jid to = hub.getUser();
        NodeRef lamp = NodeRef.of("Lamp1", NodeTree.SOURCE_ID);

        // the node is built on the settings' executors
        await(c.createNewNode(to, ROOT, TestLampType.TYPE, submit("Lamp1", "12", "SN-1")));
        assertThat(await(changedOn)).startsWith("concentrator-it-work-");

        // a new access policy decides the next request
        concentrator.update(s -> s.accessPolicy(r -> CompletableFuture.completedFuture(AccessDecision.deny())));
        assertThatThrownBy(() -> await(c.getNode(to, lamp, Set.of())))
                .cause()
                .isInstanceOf(ConcentratorException.class)
                .extracting(e -> ((ConcentratorException) e).result())
                .isEqualTo(ResultCode.INSUFFICIENT_PRIVILEGES);
        concentrator.update(s -> s.accessPolicy(AccessPolicy.allowEveryone()));
        assertThat(await(c.getNode(to, lamp, Set.of())).nodeId()).isEqualTo("Lamp1");

        // close: handlers, feature and lease are gone; closing again changes nothing
        concentrator.close();
        assertThat(executors.activeLeases()).isZero();
        assertThat(ServiceDiscoveryManager.getInstanceFor(hub).includesFeature(ConcentratorServer.FEATURE))
                .isFalse();
        assertThatThrownBy(() -> await(c.getNode(to, lamp, Set.of())))
                .cause()
                .isInstanceOfSatisfying(ConcentratorException.class, e -> {
                    assertThat(e.result()).isEqualTo(ResultCode.NOT_IMPLEMENTED);
                    assertThat(e.response())
                            .as("Smack's generic error: the closed server's NotImplemented answer is gone")
                            .isEmpty();
                });
        assertThatThrownBy(() -> client.sendIqRequestAndWaitForResponse(teleport(to)))
                .isInstanceOfSatisfying(XMPPException.XMPPErrorException.class, e -> {
                    assertThat(e.getStanza()).isNotInstanceOf(ConcentratorResponse.class);
                    assertThat(e.getStanzaError().getCondition().toString()).isEqualTo("feature-not-implemented");
                });
        concentrator.close();
        assertThat(executors.activeLeases()).isZero();
        assertThatThrownBy(() -> concentrator.update(s -> s))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("getInstanceFor");

        // a later getInstanceFor starts afresh
        ConcentratorServer fresh = ConcentratorServer.getInstanceFor(hub);
        assertThat(fresh).isNotSameAs(concentrator);
        assertThat(fresh.settings()).isEqualTo(ConcentratorServerSettings.DEFAULTS);
        fresh.update(
                s -> s.tree(tree).accessPolicy(AccessPolicy.allowEveryone()).executors(executors));
        assertThat(await(c.getNode(to, lamp, Set.of())).nodeId()).isEqualTo("Lamp1");
        assertThatThrownBy(() -> client.sendIqRequestAndWaitForResponse(teleport(to)))
                .as("the fresh server answers unknown commands NotImplemented again")
                .isInstanceOfSatisfying(
                        XMPPException.XMPPErrorException.class,
                        e -> assertThat(((ConcentratorResponse) e.getStanza()).result())
                                .isEqualTo(ResultCode.NOT_IMPLEMENTED));
        fresh.close();
        assertThat(executors.activeLeases()).isZero();
    }

    @Test
    void aFullWorkQueueIsAnsweredWithResourceConstraint(ProsodyServer server) throws Exception {
        XMPPTCPConnection hub = server.connect("hub4");
        XMPPTCPConnection client = server.connect("client4");
        IotExecutors one = IotExecutors.builder()
                .name("concentrator-busy")
                .workThreads(1)
                .workQueue(1)
                .build();
        NodeTree tree = new NodeTree("Hub", new ThingDirectory(), Clock.systemUTC()).register(new TestLampType());
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        tree.addListener(e -> {
            building.countDown();
            try {
                finish.await(30, TimeUnit.SECONDS); // holds the only work thread
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        });
        ConcentratorServer concentrator = ConcentratorServer.getInstanceFor(hub)
                .update(s ->
                        s.tree(tree).accessPolicy(AccessPolicy.allowEveryone()).executors(one));
        ConcentratorClient c = ConcentratorClient.getInstanceFor(client);
        Jid to = hub.getUser();
        CompletableFuture<NodeInformation> created =
                c.createNewNode(to, ROOT, TestLampType.TYPE, submit("Lamp1", "12", "SN-1"));
        assertThat(building.await(20, TimeUnit.SECONDS)).isTrue();

        // one request waits in the queue (bound 1), the other is refused at once
        List<CompletableFuture<NodeInformation>> reads =
                List.of(c.getNode(to, ROOT, Set.of()), c.getNode(to, ROOT, Set.of()));
        assertThatThrownBy(() -> CompletableFuture.anyOf(reads.toArray(CompletableFuture[]::new))
                        .get(20, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(ConcentratorException.class)
                .hasMessageContaining("resource-constraint");
        finish.countDown();
        assertThat(await(created).nodeId()).isEqualTo("Lamp1");
        assertThat(reads.stream().filter(f -> !f.isCompletedExceptionally()).toList())
                .singleElement()
                .satisfies(f -> assertThat(await(f).nodeId()).isEqualTo("Hub"));
        concentrator.close();
        assertThat(one.activeLeases()).isZero();
    }
}

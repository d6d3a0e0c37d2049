package io.github.xmppiot.concentrator;

import static io.github.xmppiot.concentrator.Wired.ROOT;
import static io.github.xmppiot.concentrator.Wired.await;
import static io.github.xmppiot.concentrator.Wired.node;
import static io.github.xmppiot.concentrator.Wired.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.concentrator.element.ConcentratorCommand;
import io.github.xmppiot.concentrator.element.NodeInformation;
import io.github.xmppiot.concentrator.element.ResultCode;
import io.github.xmppiot.concentrator.element.SortOrder;
import io.github.xmppiot.concentrator.request.DataSourceRequest;
import io.github.xmppiot.concentrator.request.DatabaseRequest;
import io.github.xmppiot.concentrator.request.NodeDetail;
import io.github.xmppiot.concentrator.request.NodeRequest;
import io.github.xmppiot.concentrator.request.TreeRequest;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.core.concurrent.IotExecutors;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ConcentratorClient} against {@link ConcentratorServer} over an in-memory link (every stanza through its XML):
 * data sources, node queries, access decisions, error answers, response limits and the server's settings and
 * lifecycle (XEP-0326 §3.1–§3.9).
 */
class ConcentratorRoundTripTest {

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

    @Test
    void capabilitiesAndDataSourcesAreAnsweredAndTheFeatureIsAdvertised() throws Exception {
        assertThat(ServiceDiscoveryManager.getInstanceFor(w.hub).includesFeature(ConcentratorServer.FEATURE))
                .isTrue();
        assertThat(await(w.client.getCapabilities(w.to)))
                .hasSize(ConcentratorServer.SUPPORTED.size())
                .contains("getAllNodes", "createNewNode", "subscribe", "executeNodeQuery")
                .doesNotContain("getDatabases", "getIndices");
        assertThat(await(w.client.getAllDataSources(w.to)))
                .singleElement()
                .satisfies(s -> assertThat(s.sourceId()).isEqualTo(NodeTree.SOURCE_ID));
        assertThat(await(w.client.execute(w.to, new DataSourceRequest.GetRootDataSources()))
                        .sources())
                .extracting(s -> s.sourceId())
                .containsExactly(NodeTree.SOURCE_ID);
        assertThat(await(w.client.execute(w.to, new DataSourceRequest.GetChildDataSources(NodeTree.SOURCE_ID)))
                        .sources())
                .isEmpty();
    }

    @Test
    void nodesAreFoundListedAndDescribed() throws Exception {
        assertThat(await(w.client.containsNode(w.to, node("L1")))).isTrue();
        assertThat(await(w.client.containsNode(w.to, node("nope")))).isFalse();
        assertThat(await(w.client.execute(w.to, new NodeRequest.ContainsNodes(List.of(node("nope"), node("L2")))))
                        .contained())
                .containsExactly(false, true);
        NodeInformation l1 = await(w.client.getNode(w.to, node("L1"), Set.of(NodeDetail.PARAMETERS)));
        assertThat(l1.nodeId()).isEqualTo("L1");
        assertThat(l1.parentId()).isEqualTo("Hub");
        assertThat(l1.nodeType()).isEqualTo(TestLampType.TYPE);
        assertThat(l1.parameters()).extracting(p -> p.id()).contains("address", "serial");
        assertThat(await(w.client.getNode(w.to, node("L1"), NodeDetail.NONE)).parameters())
                .isEmpty();
        assertThat(await(w.client.getRootNodes(w.to, NodeTree.SOURCE_ID)))
                .extracting(NodeInformation::nodeId)
                .containsExactly("Hub");
        assertThat(await(w.client.getAllNodes(w.to, NodeTree.SOURCE_ID, NodeDetail.NONE)))
                .extracting(NodeInformation::nodeId)
                .containsExactlyInAnyOrder("Hub", "L1", "L2");
        assertThat(await(w.client.getChildNodes(w.to, ROOT, NodeDetail.NONE)))
                .extracting(NodeInformation::nodeId)
                .containsExactly("L1", "L2");
        assertThat(await(w.client.execute(
                                w.to,
                                new TreeRequest.GetChildNodes(
                                        ROOT, NodeDetail.NONE, List.of(new SortOrder("address", false)))))
                        .nodes())
                .extracting(NodeInformation::nodeId)
                .containsExactly("L2", "L1");
        assertThat(await(w.client.execute(
                                w.to, new NodeRequest.GetNodes(List.of(node("L2"), node("L1")), NodeDetail.NONE)))
                        .nodes())
                .extracting(NodeInformation::nodeId)
                .containsExactly("L2", "L1");
        assertThat(await(w.client.execute(w.to, new NodeRequest.GetAncestors(node("L2"), NodeDetail.NONE)))
                        .nodes())
                .extracting(NodeInformation::nodeId)
                .containsExactly("L2", "Hub");
        assertThat(await(w.client.execute(w.to, new NodeRequest.GetNodeInheritance(node("L1"))))
                        .baseClasses())
                .isNotNull();
    }

    @Test
    void sortingUsesTheParametersWithoutSendingThemAndTypesFilterAllNodes() throws Exception {
        w.tree.add(
                "Hub",
                TestLampType.TYPE,
                "L3",
                java.util.Map.of(
                        "address", new io.github.xmppiot.core.value.IntValue(3),
                        "serial", new io.github.xmppiot.core.value.StringValue("SN-A")));
        List<NodeInformation> bySerial = await(w.client.execute(
                        w.to,
                        new TreeRequest.GetChildNodes(ROOT, NodeDetail.NONE, List.of(new SortOrder("serial", false)))))
                .nodes();
        assertThat(bySerial).extracting(NodeInformation::nodeId).containsExactly("L2", "L1", "L3");
        assertThat(bySerial)
                .allSatisfy(n -> assertThat(n.parameters()).as("not asked for").isEmpty());
        assertThat(await(w.client.execute(
                                w.to,
                                new TreeRequest.GetChildNodes(
                                        ROOT, Set.of(NodeDetail.PARAMETERS), List.of(new SortOrder("serial", true)))))
                        .nodes())
                .allSatisfy(n -> assertThat(n.parameters()).isNotEmpty())
                .extracting(NodeInformation::nodeId)
                .containsExactly("L3", "L1", "L2");
        assertThat(await(w.client.execute(
                                w.to,
                                new TreeRequest.GetAllNodes(
                                        NodeTree.SOURCE_ID, NodeDetail.NONE, List.of(TestLampType.TYPE))))
                        .nodes())
                .extracting(NodeInformation::nodeId)
                .containsExactlyInAnyOrder("L1", "L2", "L3");
        assertThat(await(w.client.execute(
                                w.to,
                                new TreeRequest.GetAllNodes(
                                        NodeTree.SOURCE_ID, NodeDetail.NONE, List.of("other.Type"))))
                        .nodes())
                .isEmpty();
    }

    @Test
    void requestsNamingUnknownNodesOrSourcesAreNotFound() {
        refused(w.client.execute(w.to, new DataSourceRequest.GetChildDataSources("Elsewhere")), ResultCode.NOT_FOUND);
        assertThat(refused(
                                w.client.execute(
                                        w.to,
                                        new NodeRequest.GetNodes(List.of(node("L1"), node("x")), NodeDetail.NONE)),
                                ResultCode.NOT_FOUND)
                        .getMessage())
                .contains("unknown node x");
        refused(w.client.getAllNodes(w.to, "Elsewhere", NodeDetail.NONE), ResultCode.NOT_FOUND);
        refused(w.client.getRootNodes(w.to, "Elsewhere"), ResultCode.NOT_FOUND);
        refused(w.client.getChildNodes(w.to, node("x"), NodeDetail.NONE), ResultCode.NOT_FOUND);
        refused(w.client.execute(w.to, new NodeRequest.GetAncestors(node("x"), NodeDetail.NONE)), ResultCode.NOT_FOUND);
        refused(w.client.execute(w.to, new NodeRequest.GetNodeInheritance(node("x"))), ResultCode.NOT_FOUND);
    }

    @Test
    void unknownNodesAndUnimplementedCommandsAreAnsweredWithTheirCodeAndCondition() {
        ConcentratorException missing =
                refused(w.client.getNode(w.to, node("nope"), NodeDetail.NONE), ResultCode.NOT_FOUND);
        assertThat(missing.response()).get().satisfies(r -> {
            assertThat(r.element()).isEqualTo("getNodeResponse");
            assertThat(r.getError().getCondition()).isEqualTo(StanzaError.Condition.item_not_found);
        });
        ConcentratorException databases =
                refused(w.client.execute(w.to, new DatabaseRequest.GetDatabases()), ResultCode.NOT_IMPLEMENTED);
        assertThat(databases.response()).get().satisfies(r -> {
            assertThat(r.element()).isEqualTo("getDatabasesResponse");
            assertThat(r.getError().getCondition()).isEqualTo(StanzaError.Condition.feature_not_implemented);
        });
        assertThat(databases.getMessage()).contains("getDatabases is not implemented");
        assertThat(w.clientPeer.isConnected()).isTrue();
    }

    @Test
    void theAccessPolicyDecidesEachRequestAsReadOrChange() throws Exception {
        LinkedBlockingQueue<AccessRequest> asked = new LinkedBlockingQueue<>();
        w.server.update(s -> s.accessPolicy(r -> {
            asked.add(r);
            return CompletableFuture.completedFuture(AccessDecision.deny());
        }));
        ConcentratorException read =
                refused(w.client.getNode(w.to, node("L1"), NodeDetail.NONE), ResultCode.INSUFFICIENT_PRIVILEGES);
        assertThat(read.getMessage()).contains("not allowed to read");
        assertThat(read.response().orElseThrow().getError().getCondition()).isEqualTo(StanzaError.Condition.forbidden);
        AccessRequest first = asked.poll(5, TimeUnit.SECONDS);
        assertThat(first.kind()).isEqualTo(AccessRequest.Kind.READ);
        assertThat((Object) first.requester()).isEqualTo(w.clientPeer.getUser());

        refused(w.client.subscribe(w.to, NodeTree.SOURCE_ID, NodeDetail.NONE), ResultCode.INSUFFICIENT_PRIVILEGES);
        assertThat(asked.poll(5, TimeUnit.SECONDS).kind())
                .as("subscribing is reading")
                .isEqualTo(AccessRequest.Kind.READ);
        refused(w.client.unsubscribe(w.to, NodeTree.SOURCE_ID), ResultCode.INSUFFICIENT_PRIVILEGES);
        assertThat(asked.poll(5, TimeUnit.SECONDS).kind())
                .as("unsubscribing is reading")
                .isEqualTo(AccessRequest.Kind.READ);

        ConcentratorException change =
                refused(w.client.destroyNode(w.to, node("L1")), ResultCode.INSUFFICIENT_PRIVILEGES);
        assertThat(change.getMessage()).contains("not allowed to change");
        assertThat(asked.poll(5, TimeUnit.SECONDS).kind()).isEqualTo(AccessRequest.Kind.CONTROL);
        assertThat(w.tree.get("L1")).as("nothing changed").isPresent();

        w.server.update(s -> s.accessPolicy(AccessPolicy.allowEveryone()));
        assertThat(await(w.client.getNode(w.to, node("L1"), NodeDetail.NONE)).nodeId())
                .isEqualTo("L1");
    }

    @Test
    void aFailingAccessPolicyIsAnsweredOtherErrorWithItsReason() {
        w.server.update(s -> s.accessPolicy(
                r -> CompletableFuture.failedFuture(new IllegalStateException("the roster is unreachable"))));
        ConcentratorException e = refused(w.client.getNode(w.to, node("L1"), NodeDetail.NONE), ResultCode.OTHER_ERROR);
        assertThat(e.getMessage()).contains("the roster is unreachable");
    }

    @Test
    void aResponseOverTheLimitIsRefusedNamingTheLimitAndAnAnswerAtTheLimitPasses() throws Exception {
        for (int i = 3; i <= 20; i++) {
            w.tree.add(
                    "Hub",
                    TestLampType.TYPE,
                    "Lamp-with-a-long-name-" + i,
                    java.util.Map.of(
                            "address", new io.github.xmppiot.core.value.IntValue(i),
                            "serial", new io.github.xmppiot.core.value.StringValue("S" + i)));
        }
        w.server.update(s -> s.maxResponseChars(ConcentratorServerSettings.MIN_RESPONSE_CHARS));
        ConcentratorException big =
                refused(w.client.getAllNodes(w.to, NodeTree.SOURCE_ID, NodeDetail.ALL), ResultCode.OTHER_ERROR);
        assertThat(big.getMessage())
                .contains("exceeds this concentrator's limit of 1024")
                .contains("getChildNodes");
        assertThat(big.response().orElseThrow().element()).isEqualTo("getAllNodesResponse");
        assertThat(await(w.client.getNode(w.to, node("L1"), NodeDetail.NONE)).nodeId())
                .as("a small answer still passes")
                .isEqualTo("L1");
    }

    @Test
    void aFullWorkQueueIsAnsweredWithResourceConstraint() throws Exception {
        IotExecutors one = IotExecutors.builder()
                .name("concentrator-busy")
                .workThreads(1)
                .workQueue(1)
                .build();
        CountDownLatch deciding = new CountDownLatch(1);
        CompletableFuture<AccessDecision> decision = new CompletableFuture<>();
        w.server.update(s -> s.executors(one).accessPolicy(r -> {
            deciding.countDown();
            decision.join(); // holds the only work thread
            return CompletableFuture.completedFuture(AccessDecision.allowAll());
        }));
        try {
            CompletableFuture<NodeInformation> first = w.client.getNode(w.to, node("L1"), NodeDetail.NONE);
            assertThat(deciding.await(5, TimeUnit.SECONDS)).isTrue();
            // one request waits in the queue (bound 1), the other is refused at once
            List<CompletableFuture<NodeInformation>> reads = List.of(
                    w.client.getNode(w.to, node("L2"), NodeDetail.NONE), w.client.getNode(w.to, ROOT, NodeDetail.NONE));
            ConcentratorException busy = refused(CompletableFuture.anyOf(reads.toArray(CompletableFuture[]::new)));
            assertThat(busy.getMessage()).contains("resource-constraint");
            assertThat(busy.response())
                    .as("an XMPP error without a response element")
                    .isEmpty();
            decision.complete(AccessDecision.allowAll());
            assertThat(await(first).nodeId()).isEqualTo("L1");
            assertThat(reads.stream().filter(f -> !f.isCompletedExceptionally()).toList())
                    .singleElement()
                    .satisfies(f -> assertThat(await(f).nodeId()).isIn("L2", "Hub"));
        } finally {
            decision.complete(AccessDecision.allowAll());
            w.server.close();
        }
        assertThat(one.activeLeases()).isZero();
    }

    @Test
    void settingsAreSwappedAndCloseReleasesEverythingOnce() throws Exception {
        IotExecutors own =
                IotExecutors.builder().name("concentrator-rt").workThreads(2).build();
        ConcentratorServer server = w.server;
        assertThat(ConcentratorServer.getInstanceFor(w.hub)).isSameAs(server);
        server.update(s -> s.executors(own));
        assertThat(own.activeLeases()).isEqualTo(1);
        assertThat(server.settings().executors()).isSameAs(own);
        CompletableFuture<String> builtOn = new CompletableFuture<>();
        w.tree.addListener(e -> builtOn.complete(Thread.currentThread().getName()));
        w.addLamp("L3", "3");
        assertThat(await(builtOn)).startsWith("concentrator-rt-work-");

        // another tree: the old one is no longer served, the new one is
        NodeTree other =
                new NodeTree("Other", new io.github.xmppiot.core.thing.ThingDirectory(), java.time.Clock.systemUTC());
        server.update(s -> s.tree(other));
        assertThat(await(w.client.getRootNodes(w.to, NodeTree.SOURCE_ID)))
                .extracting(NodeInformation::nodeId)
                .containsExactly("Other");
        server.update(s -> s.tree(w.tree));
        assertThat(await(w.client.containsNode(w.to, node("L3")))).isTrue();
        server.update(s -> s.tree(null));
        assertThat(ServiceDiscoveryManager.getInstanceFor(w.hub).includesFeature(ConcentratorServer.FEATURE))
                .as("no tree, no feature")
                .isFalse();
        refused(w.client.containsNode(w.to, node("L3")), ResultCode.NOT_IMPLEMENTED);
        server.update(s -> s.tree(w.tree));

        server.close();
        server.close();
        assertThat(own.activeLeases()).isZero();
        assertThat(ServiceDiscoveryManager.getInstanceFor(w.hub).includesFeature(ConcentratorServer.FEATURE))
                .isFalse();
        ConcentratorException gone = refused(w.client.containsNode(w.to, node("L1")), ResultCode.NOT_IMPLEMENTED);
        assertThat(gone.response()).as("Smack's own answer: no handler is left").isEmpty();
        assertThatThrownBy(() -> server.update(s -> s))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("getInstanceFor");
        assertThatThrownBy(() -> server.configure(null)).isInstanceOf(NullPointerException.class);

        ConcentratorServer fresh = ConcentratorServer.getInstanceFor(w.hub);
        assertThat(fresh).isNotSameAs(server);
        assertThat(fresh.settings()).isEqualTo(ConcentratorServerSettings.DEFAULTS);
        fresh.update(s -> s.tree(w.tree).accessPolicy(AccessPolicy.allowEveryone()));
        assertThat(await(w.client.containsNode(w.to, node("L1")))).isTrue();
        fresh.close();
    }

    @Test
    void everyCommandTheServerSupportsIsAnsweredByIt() {
        assertThat(ConcentratorServer.SUPPORTED)
                .doesNotContain(
                        ConcentratorCommand.GET_INDICES,
                        ConcentratorCommand.GET_NODES_FROM_INDEX,
                        ConcentratorCommand.GET_NODES_FROM_INDICES,
                        ConcentratorCommand.GET_ALL_INDEX_VALUES,
                        ConcentratorCommand.GET_DATABASES,
                        ConcentratorCommand.GET_DATABASE_READOUT_PARAMETERS,
                        ConcentratorCommand.START_DATABASE_READOUT)
                .hasSize(ConcentratorCommand.values().length - 7);
    }
}

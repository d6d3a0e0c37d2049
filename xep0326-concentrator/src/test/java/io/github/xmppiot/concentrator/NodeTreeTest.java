package io.github.xmppiot.concentrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.concentrator.element.NodeEvent;
import io.github.xmppiot.concentrator.element.NodeMessage;
import io.github.xmppiot.concentrator.element.NodeState;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.StringValue;
import io.github.xmppiot.core.value.Value;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The node tree without XMPP (XEP-0326 §3.7, §3.9, §3.10, §3.11): moving among siblings, removing with children and
 * devices, states, and rebuilding a device whose new configuration fails.
 */
class NodeTreeTest {

    /** A container type whose devices record being closed; the factory fails for the name "broken". */
    static final class BoxType implements NodeType {
        final List<String> closed = new ArrayList<>();

        @Override
        public String type() {
            return "test.Box";
        }

        @Override
        public String name() {
            return "Box";
        }

        @Override
        public List<NodeParameterSpec> parameters() {
            return List.of(NodeParameterSpec.required("name", "Name:", io.github.xmppiot.core.value.ValueType.STRING));
        }

        @Override
        public Thing create(NodeRef node, Map<String, Value> configuration) {
            if (configuration.get("name").lexical().equals("broken")) {
                throw new IllegalStateException("cannot build " + node.nodeId());
            }
            return Thing.builder(node).build();
        }

        @Override
        public void close(Thing thing) {
            closed.add(thing.node().nodeId());
        }

        @Override
        public boolean canHaveChildren() {
            return true;
        }
    }

    private final BoxType box = new BoxType();
    private final List<String> events = new ArrayList<>();
    private NodeTree tree;

    @BeforeEach
    void setUp() throws Exception {
        tree = new NodeTree(
                        "Root",
                        new ThingDirectory(),
                        Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
                .register(box);
        for (String id : List.of("A", "B", "C")) {
            add("Root", id);
        }
        tree.addListener(e -> events.add(e.kind() + " " + e.node().nodeId()));
    }

    private void add(String parent, String id) throws Exception {
        tree.add(parent, "test.Box", id, Map.of("name", new StringValue(id)));
    }

    private List<String> children() {
        return tree.children("Root").stream().map(TreeNode::nodeId).toList();
    }

    @Test
    void aNodeMovesOnePlaceAndAtTheEndsStaysWithoutAnEvent() {
        assertThat(tree.move("B", true)).isTrue();
        assertThat(children()).containsExactly("B", "A", "C");
        assertThat(tree.move("B", true)).as("already first").isTrue();
        assertThat(tree.move("A", false)).isTrue();
        assertThat(children()).containsExactly("B", "C", "A");
        assertThat(tree.move("A", false)).as("already last").isTrue();
        assertThat(children()).containsExactly("B", "C", "A");
        assertThat(events).containsExactly("NODE_MOVED_UP B", "NODE_MOVED_DOWN A");
        assertThat(tree.move("Root", true)).as("the root has no siblings").isTrue();
        assertThat(tree.move("nope", true)).isFalse();
        assertThat(events).hasSize(2);
    }

    @Test
    void removingANodeRemovesItsChildrenAndClosesTheirDevices() throws Exception {
        add("B", "B1");
        add("B1", "B11");
        events.clear();
        assertThat(tree.remove("B")).isTrue();
        assertThat(box.closed).containsExactly("B11", "B1", "B");
        assertThat(events).containsExactly("NODE_REMOVED B11", "NODE_REMOVED B1", "NODE_REMOVED B");
        assertThat(children()).containsExactly("A", "C");
        assertThat(tree.get("B1")).isEmpty();
        assertThat(tree.directory().get(NodeRef.of("B1", NodeTree.SOURCE_ID))).isEmpty();
        assertThat(tree.remove("B")).isFalse();
        assertThat(tree.remove("Root")).isFalse();
        assertThat(tree.get("Root")).isPresent();
        assertThat(tree.size()).isEqualTo(3);
    }

    @Test
    void aStateChangeIsKeptAndAnnounced() {
        NodeMessage message =
                new NodeMessage(DateTimeValue.of(Instant.parse("2026-01-01T00:00:00Z")), "Error", null, "sensor lost");
        assertThat(tree.setState("A", NodeState.ERROR_UNSIGNED, List.of(message)))
                .isTrue();
        TreeNode a = tree.get("A").orElseThrow();
        assertThat(a.state()).isEqualTo(NodeState.ERROR_UNSIGNED);
        assertThat(a.messages()).containsExactly(message);
        assertThat(events).containsExactly(NodeEvent.Kind.NODE_STATUS_CHANGED + " A");
        assertThat(tree.setState("nope", NodeState.NONE, List.of())).isFalse();
        assertThat(events).hasSize(1);
    }

    @Test
    void aFailedRebuildRestoresTheOldDevice() {
        assertThatThrownBy(() -> tree.reconfigure("A", "A2", Map.of("name", new StringValue("broken"))))
                .hasMessageContaining("cannot build A2");
        assertThat(tree.get("A").orElseThrow().configuration().get("name")).isEqualTo(new StringValue("A"));
        assertThat(tree.get("A2")).isEmpty();
        assertThat(tree.thing("A")).as("rebuilt from the old configuration").isPresent();
        assertThat(tree.directory().get(NodeRef.of("A", NodeTree.SOURCE_ID))).isPresent();
        assertThat(box.closed).as("the old device was released first").containsExactly("A");
        assertThat(events).isEmpty();
    }

    @Test
    void addingIsRefusedForAnUnknownParentOrTypeOrATakenId() {
        assertThatThrownBy(() -> add("nope", "X")).hasMessageContaining("no parent node nope");
        assertThatThrownBy(() -> tree.add("Root", "test.Other", "X", Map.of()))
                .hasMessageContaining("unknown node type");
        assertThatThrownBy(() -> add("Root", "A")).hasMessageContaining("a node with id A exists");
        assertThatThrownBy(() -> tree.reconfigure("Root", "Root", Map.of()))
                .hasMessageContaining("no configurable node");
        assertThatThrownBy(() -> tree.reconfigure("A", "B", Map.of("name", new IntValue(1))))
                .hasMessageContaining("a node with id B exists");
        assertThat(events).isEmpty();
    }
}

package io.github.xmppiot.concentrator;

import static io.github.xmppiot.concentrator.Wired.ROOT;
import static io.github.xmppiot.concentrator.Wired.await;
import static io.github.xmppiot.concentrator.Wired.form;
import static io.github.xmppiot.concentrator.Wired.lamp;
import static io.github.xmppiot.concentrator.Wired.node;
import static io.github.xmppiot.concentrator.Wired.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.concentrator.element.NodeEvent;
import io.github.xmppiot.concentrator.element.NodeInformation;
import io.github.xmppiot.concentrator.element.ParameterError;
import io.github.xmppiot.concentrator.element.ResultCode;
import io.github.xmppiot.concentrator.request.Direction;
import io.github.xmppiot.concentrator.request.EditRequest;
import io.github.xmppiot.concentrator.request.NodeDetail;
import io.github.xmppiot.concentrator.request.NodeRequest;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.element.DynamicFormFlag;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.value.ValueType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Creating, editing, moving and destroying nodes from a {@link ConcentratorClient} over an in-memory link
 * (XEP-0326 §3.9–§3.11): what the tree holds afterwards, and the code and per-field errors of every refusal.
 */
class NodeEditingRoundTripTest {

    /** A leaf type on a pin; the factory fails for pin 13, as a driver fails on a pin already open. */
    static final class PinType implements NodeType {
        static final String TYPE = "test.Pin";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public String name() {
            return "Pin";
        }

        @Override
        public List<NodeParameterSpec> parameters() {
            return List.of(NodeParameterSpec.required("pin", "Pin:", ValueType.INT));
        }

        @Override
        public Map<String, String> check(Map<String, Value> configuration) {
            return ((IntValue) configuration.get("pin")).value() < 0 ? Map.of("pin", "no negative pins") : Map.of();
        }

        @Override
        public Thing create(NodeRef node, Map<String, Value> configuration) {
            int pin = ((IntValue) configuration.get("pin")).value();
            if (pin == 13) {
                throw new IllegalStateException("gpio:13 is already open");
            }
            return Thing.builder(node).build();
        }

        @Override
        public boolean canHaveChildren() {
            return false;
        }
    }

    private Wired w;

    @BeforeEach
    void setUp() throws Exception {
        w = new Wired(new TestLampType(), new PinType());
        w.addLamp("L1", "1");
        w.addLamp("L2", "2");
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    private List<String> children() throws Exception {
        return await(w.client.getChildNodes(w.to, ROOT, NodeDetail.NONE)).stream()
                .map(NodeInformation::nodeId)
                .toList();
    }

    /** The dynamic-form flags of a field, by element name (another module's provider may parse them first). */
    private static List<String> flags(FormField f) {
        return f.getFormFieldChildElements().stream()
                .filter(e -> DynamicFormFlag.NAMESPACE.equals(e.getNamespace()))
                .map(e -> e.getElementName())
                .toList();
    }

    @Test
    void addableTypesAndTheFormForANewNodeDependOnTheParent() throws Exception {
        assertThat(await(w.client.getAddableNodeTypes(w.to, ROOT)))
                .extracting(t -> t.type())
                .containsExactlyInAnyOrder(TestLampType.TYPE, PinType.TYPE);
        await(w.client.createNewNode(w.to, ROOT, PinType.TYPE, form("id", "P1", "pin", "4")));
        assertThat(await(w.client.getAddableNodeTypes(w.to, node("P1"))))
                .as("a pin has no children")
                .isEmpty();
        refused(w.client.getAddableNodeTypes(w.to, node("nope")), ResultCode.NOT_FOUND);

        DataForm lampForm = await(w.client.getParametersForNewNode(w.to, ROOT, TestLampType.TYPE));
        assertThat(lampForm.getFields())
                .extracting(FormField::getFieldName)
                .containsExactly(DynamicFormFlag.SESSION_FIELD, "id", "address", "serial", "room");
        assertThat(lampForm.getField("id").isRequired()).isTrue();
        assertThat(lampForm.getTitle()).isEqualTo("Lamp");

        assertThat(refused(w.client.getParametersForNewNode(w.to, ROOT, "test.Unknown"), ResultCode.NOT_FOUND)
                        .getMessage())
                .contains("unknown node type test.Unknown; types addable under Hub: ")
                .contains(TestLampType.TYPE)
                .contains(PinType.TYPE);
        assertThat(refused(w.client.getParametersForNewNode(w.to, node("P1"), PinType.TYPE), ResultCode.NOT_FOUND)
                        .getMessage())
                .contains("type test.Pin cannot be added under P1; types addable under P1: ");
        assertThat(refused(w.client.getParametersForNewNode(w.to, node("nope"), PinType.TYPE), ResultCode.NOT_FOUND)
                        .getMessage())
                .contains("unknown parent node nope");
    }

    @Test
    void aNewNodeIsCreatedOnlyFromAValidForm() throws Exception {
        NodeInformation lamp = await(w.client.createNewNode(w.to, ROOT, TestLampType.TYPE, lamp(" L3 ", "3", "S3")));
        assertThat(lamp.nodeId()).as("the id is stripped").isEqualTo("L3");
        assertThat(lamp.parentId()).isEqualTo("Hub");
        assertThat(lamp.parameters()).extracting(p -> p.id()).contains("address", "serial");
        assertThat(w.tree.get("L3").orElseThrow().configuration().get("address"))
                .isEqualTo(new IntValue(3));

        ConcentratorException bad = refused(
                w.client.createNewNode(w.to, ROOT, TestLampType.TYPE, lamp("L1", "999", "")), ResultCode.FORM_ERROR);
        assertThat(bad.errors()).extracting(ParameterError::var).containsExactlyInAnyOrder("id", "address", "serial");
        assertThat(bad.errors())
                .filteredOn(e -> e.var().equals("id"))
                .extracting(ParameterError::message)
                .containsExactly("There already exists a node with this ID.");
        ConcentratorException checked = refused(
                w.client.createNewNode(w.to, ROOT, PinType.TYPE, form("id", "P", "pin", "-1")), ResultCode.FORM_ERROR);
        assertThat(checked.errors()).containsExactly(new ParameterError("pin", "no negative pins"));
        ConcentratorException noId =
                refused(w.client.createNewNode(w.to, ROOT, PinType.TYPE, form("pin", "2")), ResultCode.FORM_ERROR);
        assertThat(noId.errors()).extracting(ParameterError::var).containsExactly("id");
        refused(
                w.client.createNewNode(w.to, node("nope"), PinType.TYPE, form("id", "P", "pin", "2")),
                ResultCode.NOT_FOUND);
        assertThat(w.tree.size()).as("nothing created").isEqualTo(4);
    }

    @Test
    void aFactoryFailureNamesTheNodesHoldingTheSameResource() throws Exception {
        w.tree.add("Hub", PinType.TYPE, "Old", Map.of("pin", new IntValue(4)));
        // configure the existing node onto pin 13 behind the tree's back is not possible; name a holder by value
        ConcentratorException e = refused(
                w.client.createNewNode(w.to, ROOT, PinType.TYPE, form("id", "New", "pin", "13")),
                ResultCode.OTHER_ERROR);
        assertThat(e.getMessage()).contains("gpio:13 is already open").doesNotContain("in use by");
        assertThat(w.tree.get("New")).isEmpty();
    }

    @Test
    void theEditFormShowsTheValuesAndTheChangeIsApplied() throws Exception {
        DataForm edit = await(w.client.getNodeParametersForEdit(w.to, node("L1")));
        assertThat(edit.getTitle()).isEqualTo("L1");
        assertThat(edit.getField("id").getFirstValue()).isEqualTo("L1");
        assertThat(edit.getField("address").getFirstValue()).isEqualTo("1");
        assertThat(flags(edit.getField("serial"))).contains(DynamicFormFlag.READ_ONLY.getElementName());
        refused(w.client.getNodeParametersForEdit(w.to, ROOT), ResultCode.NOT_FOUND);
        refused(w.client.getNodeParametersForEdit(w.to, node("nope")), ResultCode.NOT_FOUND);

        NodeInformation edited =
                await(w.client.setNodeParametersAfterEdit(w.to, node("L1"), lamp("L9", "13", "CHANGED")));
        assertThat(edited.nodeId()).isEqualTo("L9");
        TreeNode l9 = w.tree.get("L9").orElseThrow();
        assertThat(l9.configuration().get("address")).isEqualTo(new IntValue(13));
        assertThat(l9.configuration().get("serial").lexical()).as("read-only").isEqualTo("SN-L1");
        assertThat(w.tree.get("L1")).isEmpty();

        NodeInformation same = await(w.client.setNodeParametersAfterEdit(w.to, node("L9"), form("address", "14")));
        assertThat(same.nodeId()).as("no id field keeps the id").isEqualTo("L9");
        assertThat(w.tree.get("L9").orElseThrow().configuration().get("address"))
                .isEqualTo(new IntValue(14));
        assertThat(await(w.client.setNodeParametersAfterEdit(w.to, node("L9"), lamp("L9", "15", "x")))
                        .nodeId())
                .as("keeping its own id is no conflict")
                .isEqualTo("L9");

        ConcentratorException taken = refused(
                w.client.setNodeParametersAfterEdit(w.to, node("L9"), lamp("L2", "5", "x")), ResultCode.FORM_ERROR);
        assertThat(taken.errors())
                .containsExactly(new ParameterError("id", "There already exists a node with this ID."));
        ConcentratorException empty = refused(
                w.client.setNodeParametersAfterEdit(w.to, node("L9"), lamp(" ", "500", "x")), ResultCode.FORM_ERROR);
        assertThat(empty.errors()).extracting(ParameterError::var).containsExactlyInAnyOrder("id", "address");
        assertThat(empty.errors()).contains(new ParameterError("id", "A value is required."));
        refused(w.client.setNodeParametersAfterEdit(w.to, node("nope"), lamp("X", "5", "x")), ResultCode.NOT_FOUND);
        refused(w.client.setNodeParametersAfterEdit(w.to, ROOT, lamp("X", "5", "x")), ResultCode.NOT_FOUND);
        assertThat(w.tree.get("L9").orElseThrow().configuration().get("address"))
                .isEqualTo(new IntValue(15));
    }

    @Test
    void aFailingRebuildIsAnsweredOtherError() throws Exception {
        await(w.client.createNewNode(w.to, ROOT, PinType.TYPE, form("id", "P1", "pin", "4")));
        ConcentratorException e = refused(
                w.client.setNodeParametersAfterEdit(w.to, node("P1"), form("pin", "13")), ResultCode.OTHER_ERROR);
        assertThat(e.getMessage()).contains("gpio:13 is already open");
        assertThat(w.tree.get("P1").orElseThrow().configuration().get("pin")).isEqualTo(new IntValue(4));
        assertThat(w.tree.directory().get(node("P1")))
                .as("the old device is restored")
                .isPresent();
        ConcentratorException checked = refused(
                w.client.setNodeParametersAfterEdit(w.to, node("P1"), form("pin", "-3")), ResultCode.FORM_ERROR);
        assertThat(checked.errors()).containsExactly(new ParameterError("pin", "no negative pins"));
    }

    @Test
    void commonParametersAreEditedTogether() throws Exception {
        DataForm common = await(w.client.execute(
                        w.to, new EditRequest.GetCommonNodeParametersForEdit(List.of(node("L1"), node("L2")))))
                .form();
        assertThat(common.getTitle()).isEqualTo("2 nodes");
        assertThat(common.getField("id")).as("no id in a common form").isNull();
        assertThat(flags(common.getField("address"))).contains(DynamicFormFlag.NOT_SAME.getElementName());
        assertThat(flags(common.getField("room"))).doesNotContain(DynamicFormFlag.NOT_SAME.getElementName());
        refused(
                w.client.execute(w.to, new EditRequest.GetCommonNodeParametersForEdit(List.of(node("L1"), node("x")))),
                ResultCode.NOT_FOUND);

        List<NodeInformation> updated = await(w.client.execute(
                        w.to,
                        new EditRequest.SetCommonNodeParametersAfterEdit(
                                List.of(node("L1"), node("L2")), form("room", "Kitchen"))))
                .nodes();
        assertThat(updated).extracting(NodeInformation::nodeId).containsExactly("L1", "L2");
        assertThat(w.tree.get("L1").orElseThrow().configuration().get("room").lexical())
                .isEqualTo("Kitchen");
        assertThat(w.tree.get("L2").orElseThrow().configuration().get("room").lexical())
                .isEqualTo("Kitchen");
        assertThat(w.tree.get("L2").orElseThrow().configuration().get("address"))
                .isEqualTo(new IntValue(2));
        ConcentratorException bad = refused(
                w.client.execute(
                        w.to,
                        new EditRequest.SetCommonNodeParametersAfterEdit(
                                List.of(node("L1"), node("L2")), form("address", "0"))),
                ResultCode.FORM_ERROR);
        assertThat(bad.errors()).as("one error per field, not one per node").hasSize(1);
    }

    @Test
    void nodesMoveWithinTheirSiblingsAndEachMoveIsAnEvent() throws Exception {
        java.util.concurrent.LinkedBlockingQueue<NodeEvent> events = new java.util.concurrent.LinkedBlockingQueue<>();
        w.client.addEventListener((from, e) -> events.add(e));
        await(w.client.subscribe(w.to, NodeTree.SOURCE_ID, NodeDetail.NONE));
        w.addLamp("L3", "3");
        assertThat(events.poll(5, java.util.concurrent.TimeUnit.SECONDS).kind()).isEqualTo(NodeEvent.Kind.NODE_ADDED);

        await(w.client.moveNode(w.to, node("L3"), Direction.UP));
        assertThat(children()).containsExactly("L1", "L3", "L2");
        assertThat(events.poll(5, java.util.concurrent.TimeUnit.SECONDS).kind())
                .isEqualTo(NodeEvent.Kind.NODE_MOVED_UP);
        await(w.client.moveNode(w.to, node("L1"), Direction.DOWN));
        assertThat(children()).containsExactly("L3", "L1", "L2");
        await(w.client.execute(w.to, new NodeRequest.MoveNodes(List.of(node("L1"), node("L2")), Direction.UP)));
        assertThat(children()).as("moved in order: L1 first").containsExactly("L1", "L2", "L3");
        await(w.client.execute(w.to, new NodeRequest.MoveNodes(List.of(node("L1"), node("L2")), Direction.DOWN)));
        assertThat(children()).as("moved in reverse order: L2 first").containsExactly("L3", "L1", "L2");
        assertThat(refused(
                                w.client.execute(
                                        w.to, new NodeRequest.MoveNodes(List.of(node("L1"), node("x")), Direction.UP)),
                                ResultCode.NOT_FOUND)
                        .getMessage())
                .contains("unknown node x");
        assertThat(children()).as("nothing moved").containsExactly("L3", "L1", "L2");
    }

    @Test
    void destroyingRemovesTheNodeButNeverTheRoot() throws Exception {
        await(w.client.destroyNode(w.to, node("L1")));
        assertThat(w.tree.get("L1")).isEmpty();
        assertThat(w.tree.directory().get(node("L1")))
                .as("its Thing is gone too")
                .isEmpty();
        assertThat(refused(w.client.destroyNode(w.to, node("L1")), ResultCode.NOT_FOUND)
                        .getMessage())
                .contains("unknown node");
        assertThat(refused(w.client.destroyNode(w.to, ROOT), ResultCode.INSUFFICIENT_PRIVILEGES)
                        .getMessage())
                .contains("the root node cannot be destroyed");
        assertThat(w.tree.size()).isEqualTo(2);
        assertThat(await(w.client.execute(w.to, new EditRequest.DestroyNode(node("L2")))))
                .isNotNull();
        assertThat(w.tree.size()).isEqualTo(1);
    }

    @Test
    void detailsAskedForAreTheDetailsSent() throws Exception {
        assertThat(await(w.client.getNode(w.to, node("L1"), Set.of(NodeDetail.PARAMETERS)))
                        .parameters())
                .isNotEmpty();
    }
}

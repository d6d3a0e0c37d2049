package io.github.xmppiot.concentrator;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.value.Value;
import java.util.List;
import java.util.Map;

/**
 * A kind of node a concentrator can create (XEP-0326 §3.11 "Creating Nodes"): it declares its configuration once, as
 * a list of {@link NodeParameterSpec}s — which yields the {@code getParametersForNewNode} form, the validation of
 * {@code createNewNode} and {@code setNodeParametersAfterEdit}, and the persisted configuration — and turns a
 * validated configuration into a {@link Thing} (its sensors and control parameters, served by XEP-0323 and XEP-0325).
 *
 * <p>Adding a device type to a hub means writing one class implementing this interface, registered with the
 * {@link NodeTree} or listed in {@code META-INF/services/io.github.xmppiot.concentrator.NodeType} for
 * {@link java.util.ServiceLoader}.
 *
 * @since 0.1.0
 */
public interface NodeType {

    /** @return the machine-readable type, the {@code type} of {@code getAddableNodeTypes} and the NodeInformation {@code nodeType} */
    String type();

    /** @return the human-readable name */
    String name();

    /** @return the configuration parameters, in form order; the node id is not one of them */
    List<NodeParameterSpec> parameters();

    /**
     * Builds the Thing of a node from a validated configuration. May block (hardware initialisation); the
     * concentrator calls it off Smack's threads.
     *
     * @param node          the node's address
     * @param configuration the value of every parameter that has one
     * @return the Thing
     * @throws Exception if the device cannot be set up; the request fails with {@code OtherError}
     */
    Thing create(NodeRef node, Map<String, Value> configuration) throws Exception;

    /**
     * Checks a configuration beyond the constraints of each {@link NodeParameterSpec} (a pattern, a relation between
     * parameters), before {@code createNewNode} or {@code setNodeParametersAfterEdit} builds anything; the errors are
     * answered as {@code FormError} with one {@code error var} per entry (XEP-0326 §3.9, §3.11).
     *
     * @param configuration the values that passed the per-parameter checks
     * @return error messages by parameter id; empty when valid
     */
    default Map<String, String> check(Map<String, Value> configuration) {
        return Map.of();
    }

    /**
     * Releases what {@link #create} acquired, when the node is destroyed or reconfigured.
     *
     * @param thing the Thing built by this type
     */
    default void close(Thing thing) {}

    /**
     * Whether nodes of this type may be created under a parent (XEP-0326 §3.11 "Get Addable Node Types").
     *
     * @param parentType the parent's node type
     * @return true if allowed
     */
    default boolean canBeChildOf(String parentType) {
        return true;
    }

    /** @return whether nodes of this type may have children */
    default boolean canHaveChildren() {
        return false;
    }

    /** @return base classes of the type, most specific first ({@code getNodeInheritance}, XEP-0326 §3.7) */
    default List<String> baseClasses() {
        return List.of();
    }

    /** @return the commands nodes of this type offer (XEP-0326 §3.12) */
    default List<NodeCommandSpec> commands() {
        return List.of();
    }
}

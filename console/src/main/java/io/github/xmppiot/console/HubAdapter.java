package io.github.xmppiot.console;

import io.github.xmppiot.concentrator.ConcentratorClient;
import io.github.xmppiot.concentrator.ConcentratorException;
import io.github.xmppiot.concentrator.NodeTree;
import io.github.xmppiot.concentrator.element.AddableNodeType;
import io.github.xmppiot.concentrator.element.NodeInformation;
import io.github.xmppiot.concentrator.element.ParameterError;
import io.github.xmppiot.concentrator.request.NodeDetail;
import io.github.xmppiot.core.NodeRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jxmpp.jid.Jid;

/**
 * The Hub page on the SDK's client side (XEP-0326): the node tree of the data source {@value NodeTree#SOURCE_ID}, the
 * addable node types and their parameter forms (§3.7.8–§3.7.10), editing (§3.7.6–§3.7.7), removing (§3.7.11). Every
 * call to {@link ConcentratorClient} lives here, so that a change of that API touches this class only.
 */
final class HubAdapter {

    /** Most nodes listed. */
    static final int MAX_NODES = 2000;

    private final ConcentratorClient client;
    private final Duration timeout;

    HubAdapter(XMPPConnection connection, Duration timeout) {
        this.client = ConcentratorClient.getInstanceFor(connection);
        this.timeout = timeout;
    }

    /** @return the nodes: id, type, parent, state, readable, controllable */
    List<Map<String, Object>> nodes(Jid hub) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (NodeInformation n : await(client.getAllNodes(hub, NodeTree.SOURCE_ID, NodeDetail.NONE))) {
            if (rows.size() == MAX_NODES) {
                break;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", n.nodeId());
            m.put("type", n.nodeType() == null ? "" : n.nodeType());
            m.put("parent", n.parentId() == null ? "" : n.parentId());
            m.put("state", String.valueOf(n.state()));
            m.put("readable", n.readable());
            m.put("controllable", n.controllable());
            rows.add(m);
        }
        return rows;
    }

    /** @return the types addable under the parent (default: the first root node) */
    List<Map<String, Object>> types(Jid hub, String parent) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AddableNodeType t : await(client.getAddableNodeTypes(hub, parent(hub, parent)))) {
            rows.add(Map.of("type", t.type(), "name", t.name() == null ? t.type() : t.name()));
        }
        return rows;
    }

    /** @return the parameter form of a new node of the type */
    Map<String, Object> newForm(Jid hub, String parent, String type) throws Exception {
        NodeRef p = parent(hub, parent);
        return Map.of(
                "parent",
                p.nodeId(),
                "fields",
                Forms.fields(refused(() -> await(client.getParametersForNewNode(hub, p, type)))));
    }

    /** Creates a node from the filled form; a parameter the hub refuses is answered 422 with its name. */
    Map<String, Object> add(Jid hub, String parent, String type, Map<String, String> values) throws Exception {
        NodeRef p = parent(hub, parent);
        DataForm form = await(client.getParametersForNewNode(hub, p, type));
        NodeInformation n = refused(() -> await(client.createNewNode(hub, p, type, Forms.fill(form, values))));
        return Map.of("added", n.nodeId(), "parent", p.nodeId());
    }

    /** @return the editable parameters of a node */
    Map<String, Object> editForm(Jid hub, String node) throws Exception {
        return Map.of(
                "node",
                node,
                "fields",
                Forms.fields(refused(() -> await(client.getNodeParametersForEdit(hub, ref(node))))));
    }

    /** Saves edited parameters of a node. */
    Map<String, Object> edit(Jid hub, String node, Map<String, String> values) throws Exception {
        DataForm form = await(client.getNodeParametersForEdit(hub, ref(node)));
        NodeInformation n =
                refused(() -> await(client.setNodeParametersAfterEdit(hub, ref(node), Forms.fill(form, values))));
        return Map.of("edited", n.nodeId());
    }

    /** Removes a node. */
    Map<String, Object> remove(Jid hub, String node) throws Exception {
        refused(() -> await(client.destroyNode(hub, ref(node))));
        return Map.of("removed", node);
    }

    private NodeRef parent(Jid hub, String parent) throws Exception {
        if (parent != null && !parent.isBlank()) {
            return ref(parent);
        }
        return await(client.getRootNodes(hub, NodeTree.SOURCE_ID)).stream()
                .findFirst()
                .map(n -> ref(n.nodeId()))
                .orElseThrow(() -> new ConsoleException(409, hub + " has no root node to add under"));
    }

    private static NodeRef ref(String node) {
        return NodeRef.of(node, NodeTree.SOURCE_ID);
    }

    /** Runs a request; a hub's refusal naming a parameter becomes a 422 shown beside that field. */
    private static <T> T refused(Request<T> request) throws Exception {
        try {
            return request.run();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ConcentratorException ce) {
                List<ParameterError> errors = ce.errors();
                if (!errors.isEmpty()) {
                    throw new ConsoleException(
                            422, errors.get(0).message(), errors.get(0).var());
                }
                throw new ConsoleException(422, Failures.describe(ce));
            }
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ConsoleException(422, e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Request<T> {
        T run() throws Exception;
    }

    private <T> T await(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            future.cancel(true);
            throw e;
        }
    }
}

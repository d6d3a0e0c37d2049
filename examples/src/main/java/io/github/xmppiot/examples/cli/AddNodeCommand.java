package io.github.xmppiot.examples.cli;

import io.github.xmppiot.concentrator.ConcentratorClient;
import io.github.xmppiot.concentrator.ConcentratorException;
import io.github.xmppiot.concentrator.ConcentratorServer;
import io.github.xmppiot.concentrator.NodeTree;
import io.github.xmppiot.concentrator.element.AddableNodeType;
import io.github.xmppiot.concentrator.element.NodeInformation;
import io.github.xmppiot.concentrator.element.ResultCode;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.examples.hub.NodeForms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jxmpp.jid.Jid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xmpp-iot add-node}: creates a node on a concentrator (XEP-0326 §3.11): asks for the type's parameter form,
 * fills it from {@code NAME=VALUE} arguments ({@link NodeForms}) and submits it.
 */
@Command(name = "add-node", sortOptions = false, description = "Creates a node on a concentrator or hub (XEP-0326).")
final class AddNodeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "JID", description = "The concentrator.")
    private String concentrator;

    @Parameters(index = "1", paramLabel = "TYPE", description = "Node type, as listed by the concentrator.")
    private String type;

    @Parameters(index = "2", paramLabel = "NODE_ID", description = "Id of the new node.")
    private String nodeId;

    @Parameters(index = "3..*", arity = "0..*", paramLabel = "NAME=VALUE", description = "Node parameters.")
    private List<String> assignments = new ArrayList<>();

    @Option(names = "--parent", paramLabel = "NODE_ID", description = "Parent node. Default: the root node.")
    private String parent;

    @Option(
            names = "--source",
            paramLabel = "SOURCE_ID",
            defaultValue = NodeTree.SOURCE_ID,
            description = "Data source. Default: ${DEFAULT-VALUE}.")
    private String source;

    @Mixin
    private ConnectionOptions connection;

    @Mixin
    private Output output;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Map<String, String> values = Assignments.parse(assignments);
        if (values.containsKey(NodeForms.ID_FIELD)) {
            throw CliException.badInput("give the node id as NODE_ID, not as id=...");
        }
        try (Session s = Session.open(connection, spec.commandLine().getErr())) {
            Jid target = Targets.resolve(s, concentrator, ConcentratorServer.FEATURE, spec);
            ConcentratorClient client = ConcentratorClient.getInstanceFor(s.connection());
            NodeRef parentRef = parent(s, client, target, parent, source);
            s.progress().step("asking " + target + " for the parameters of " + type + " ...");
            DataForm form;
            try {
                form = Targets.await(s, target, client.getParametersForNewNode(target, parentRef, type), s.timeout());
            } catch (ExecutionException e) {
                throw unknownType(s, client, target, parentRef, e);
            }
            DataForm submission;
            try {
                submission = NodeForms.fill(form, nodeId, values);
            } catch (IllegalArgumentException e) {
                throw CliException.badInput(e.getMessage());
            }
            s.progress().step("creating " + nodeId + " ...");
            NodeInformation node =
                    Targets.await(s, target, client.createNewNode(target, parentRef, type, submission), s.timeout());
            s.progress().clear();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("node", node.nodeId());
            json.put("type", node.nodeType());
            json.put("parent", node.parentId());
            output.result(
                    spec.commandLine().getOut(),
                    json,
                    "added node " + node.nodeId() + " (" + type + ") under " + node.parentId() + " on " + target);
            return 0;
        }
    }
    /**
     * The parent node of a new node: the given one, else the concentrator's first root node.
     *
     * @return the parent
     * @throws Exception if the concentrator cannot be asked
     */
    static NodeRef parent(Session s, ConcentratorClient client, Jid target, String parent, String source)
            throws Exception {
        return parent != null
                ? NodeRef.of(parent, source)
                : Targets.await(s, target, client.getRootNodes(target, source), s.timeout()).stream()
                        .findFirst()
                        .map(n -> NodeRef.of(n.nodeId(), source))
                        .orElseThrow(() -> new CliException(CliException.FAILED, target + " has no root node"));
    }

    /** A {@code NotFound} answer to {@code getParametersForNewNode}, with the types the concentrator offers. */
    private Exception unknownType(
            Session s, ConcentratorClient client, Jid target, NodeRef parentRef, ExecutionException e) {
        if (!(e.getCause() instanceof ConcentratorException ce) || ce.result() != ResultCode.NOT_FOUND) {
            return e;
        }
        String reason = CliErrors.oneLine(ce.getMessage());
        if (!reason.contains("addable")) {
            try {
                reason += "; it offers: "
                        + Targets.await(client.getAddableNodeTypes(target, parentRef), s.timeout()).stream()
                                .map(AddableNodeType::type)
                                .collect(Collectors.joining(", "));
            } catch (Exception other) {
                // the reason alone, then
            }
        }
        return new CliException(
                CliException.FAILED,
                target + " cannot add a node of type '" + type + "' under "
                        + parentRef.nodeId() + " (" + reason + "); their parameters: 'xmpp-iot node-types "
                        + target.asBareJid() + "'",
                ce);
    }
}

package io.github.xmppiot.examples.cli;

import io.github.xmppiot.concentrator.ConcentratorClient;
import io.github.xmppiot.concentrator.ConcentratorServer;
import io.github.xmppiot.concentrator.NodeTree;
import io.github.xmppiot.concentrator.element.NodeInformation;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.examples.hub.NodeForms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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

    @Option(names = "--source", paramLabel = "SOURCE_ID", defaultValue = NodeTree.SOURCE_ID,
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
            NodeRef parentRef = parent != null ? NodeRef.of(parent, source)
                    : Targets.await(s, target, client.getRootNodes(target, source), s.timeout()).stream().findFirst()
                            .map(n -> NodeRef.of(n.nodeId(), source))
                            .orElseThrow(() -> new CliException(CliException.FAILED, target + " has no root node"));
            s.progress().step("asking " + target + " for the parameters of " + type + " ...");
            DataForm form = Targets.await(s, target, client.getParametersForNewNode(target, parentRef, type), s.timeout());
            DataForm submission;
            try {
                submission = NodeForms.fill(form, nodeId, values);
            } catch (IllegalArgumentException e) {
                throw CliException.badInput(e.getMessage());
            }
            s.progress().step("creating " + nodeId + " ...");
            NodeInformation node = Targets.await(s, target, client.createNewNode(target, parentRef, type, submission),
                    s.timeout());
            s.progress().clear();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("node", node.nodeId());
            json.put("type", node.nodeType());
            json.put("parent", node.parentId());
            output.result(spec.commandLine().getOut(), json, "added node " + node.nodeId() + " (" + type + ") under "
                    + node.parentId() + " on " + target);
            return 0;
        }
    }
}

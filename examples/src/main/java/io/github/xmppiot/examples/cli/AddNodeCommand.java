package io.github.xmppiot.examples.cli;

import io.github.xmppiot.concentrator.ConcentratorClient;
import io.github.xmppiot.concentrator.NodeTree;
import io.github.xmppiot.concentrator.element.NodeInformation;
import io.github.xmppiot.core.NodeRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jivesoftware.smackx.xdata.FormField;
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
 * fills it from {@code NAME=VALUE} arguments and submits it.
 */
@Command(name = "add-node", sortOptions = false, description = "Creates a node on a concentrator or hub (XEP-0326).")
final class AddNodeCommand implements Callable<Integer> {

    /** Form field holding the new node's id. */
    static final String ID_FIELD = "id";

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
        if (values.containsKey(ID_FIELD)) {
            throw CliException.badInput("give the node id as NODE_ID, not as id=...");
        }
        try (Session s = Session.open(connection, spec.commandLine().getErr())) {
            Jid target = Targets.resolve(s.connection(), concentrator, s.timeout());
            ConcentratorClient client = ConcentratorClient.getInstanceFor(s.connection());
            NodeRef parentRef = parent != null ? NodeRef.of(parent, source)
                    : Targets.await(client.getRootNodes(target, source), s.timeout()).stream().findFirst()
                            .map(n -> NodeRef.of(n.nodeId(), source))
                            .orElseThrow(() -> new CliException(CliException.FAILED, target + " has no root node"));
            s.progress().step("asking " + target + " for the parameters of " + type + " ...");
            DataForm form = Targets.await(client.getParametersForNewNode(target, parentRef, type), s.timeout());
            DataForm submission = fill(form, nodeId, values);
            s.progress().step("creating " + nodeId + " ...");
            NodeInformation node = Targets.await(client.createNewNode(target, parentRef, type, submission),
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

    /**
     * Fills a node parameter form.
     *
     * @param form   the form from {@code getParametersForNewNode}
     * @param nodeId the new node's id
     * @param values the values given on the command line
     * @return the submission
     * @throws CliException with {@link CliException#BAD_INPUT} if a value names no field of the form
     */
    static DataForm fill(DataForm form, String nodeId, Map<String, String> values) {
        List<String> known = form.getFields().stream().map(FormField::getFieldName).filter(n -> n != null)
                .collect(Collectors.toList());
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw CliException.badInput("this node type has no parameter '" + name + "'; it has: "
                        + known.stream().filter(n -> !n.equals(ID_FIELD)).collect(Collectors.joining(", ")));
            }
        }
        DataForm.Builder b = DataForm.builder(DataForm.Type.submit);
        for (FormField f : form.getFields()) {
            String name = f.getFieldName();
            if (name == null || f.getType() == FormField.Type.fixed) {
                continue;
            }
            String value = ID_FIELD.equals(name) ? nodeId : values.get(name);
            if (value == null) {
                value = f.getFirstValue();
            }
            if (value != null) {
                b.addField(FormField.textSingleBuilder(name).setValue(value).build());
            }
        }
        return b.build();
    }
}

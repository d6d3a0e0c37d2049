package io.github.xmppiot.examples.cli;

import io.github.xmppiot.concentrator.ConcentratorClient;
import io.github.xmppiot.concentrator.ConcentratorServer;
import io.github.xmppiot.concentrator.NodeTree;
import io.github.xmppiot.concentrator.element.AddableNodeType;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.examples.hub.NodeForms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.ListSingleFormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jivesoftware.smackx.xdatavalidation.packet.ValidateElement;
import org.jxmpp.jid.Jid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xmpp-iot node-types}: the node types a concentrator can add under a node, each with the parameters of its
 * new-node form (XEP-0326 §3.11 {@code getAddableNodeTypes} and {@code getParametersForNewNode}).
 */
@Command(
        name = "node-types",
        sortOptions = false,
        header = "Lists the node types a hub can add (XEP-0326).",
        description = {
            "Lists the node types a concentrator or hub can add under a node, one line per parameter of",
            "each type's form (what 'add-node JID TYPE NODE_ID NAME=VALUE ...' takes); required ones are marked."
        })
final class NodeTypesCommand implements Callable<Integer> {

    static final List<String> COLUMNS = List.of("type", "parameter", "datatype", "required", "default", "label");

    @Parameters(
            index = "0",
            paramLabel = "JID",
            description = "The concentrator; a bare JID is resolved to its" + " online resource.")
    private String concentrator;

    @Option(names = "--parent", paramLabel = "NODE_ID", description = "Node to add under. Default: the root node.")
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
        try (Session s = Session.open(connection, spec.commandLine().getErr())) {
            Jid target = Targets.resolve(s, concentrator, ConcentratorServer.FEATURE, spec);
            ConcentratorClient client = ConcentratorClient.getInstanceFor(s.connection());
            NodeRef parentRef = AddNodeCommand.parent(s, client, target, parent, source);
            s.progress().step("listing the node types of " + target + " ...");
            List<AddableNodeType> types =
                    Targets.await(s, target, client.getAddableNodeTypes(target, parentRef), s.timeout());
            List<List<Object>> rows = new ArrayList<>();
            int n = 0;
            for (AddableNodeType t : types) {
                s.progress().step("reading the parameters of " + t.type() + " (" + ++n + "/" + types.size() + ") ...");
                DataForm form = Targets.await(
                        s, target, client.getParametersForNewNode(target, parentRef, t.type()), s.timeout());
                rows.addAll(rows(t.type(), form));
            }
            s.progress().clear();
            output.rows(spec.commandLine().getOut(), COLUMNS, rows);
            return 0;
        }
    }

    /**
     * One row per parameter of a new-node form (the id field and hidden fields left out).
     *
     * @param type the node type
     * @param form its form
     * @return the rows; one with an empty parameter if the type has none
     */
    static List<List<Object>> rows(String type, DataForm form) {
        List<List<Object>> rows = new ArrayList<>();
        for (FormField f : form.getFields()) {
            String name = f.getFieldName();
            if (name == null
                    || NodeForms.ID_FIELD.equals(name)
                    || f.getType() == FormField.Type.hidden
                    || f.getType() == FormField.Type.fixed) {
                continue;
            }
            rows.add(List.of(
                    type,
                    name,
                    datatype(f),
                    f.isRequired(),
                    f.getFirstValue() == null ? "" : f.getFirstValue(),
                    f.getLabel() == null ? "" : f.getLabel()));
        }
        if (rows.isEmpty()) {
            rows.add(List.of(type, "", "", "", "", ""));
        }
        return rows;
    }

    private static String datatype(FormField f) {
        if (f instanceof ListSingleFormField l) {
            return String.join(
                    "|",
                    l.getOptions().stream()
                            .map(FormField.Option::getValueString)
                            .toList());
        }
        ValidateElement v = ValidateElement.from(f);
        if (v == null) {
            return f.getType() == FormField.Type.bool ? "boolean" : "string";
        }
        String type = v.getDatatype() == null ? "string" : v.getDatatype().replaceFirst("^xs:", "");
        if (v instanceof ValidateElement.RangeValidateElement r) {
            return type + " "
                    + Arrays.asList(r.getMin() == null ? "" : r.getMin(), r.getMax() == null ? "" : r.getMax()).stream()
                            .reduce((a, b) -> a + ".." + b)
                            .orElse("");
        }
        return type;
    }
}

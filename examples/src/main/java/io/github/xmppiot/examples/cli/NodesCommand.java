package io.github.xmppiot.examples.cli;

import io.github.xmppiot.concentrator.ConcentratorClient;
import io.github.xmppiot.concentrator.ConcentratorServer;
import io.github.xmppiot.concentrator.NodeTree;
import io.github.xmppiot.concentrator.element.NodeInformation;
import io.github.xmppiot.concentrator.request.NodeDetail;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jxmpp.jid.Jid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code xmpp-iot nodes}: the nodes behind a concentrator (XEP-0326 §3.7). */
@Command(name = "nodes", sortOptions = false, description = "Lists the nodes of a concentrator or hub (XEP-0326).")
final class NodesCommand implements Callable<Integer> {

    static final List<String> COLUMNS = List.of("node", "type", "parent", "state", "readable", "controllable");

    @Parameters(
            index = "0",
            paramLabel = "JID",
            description = "The concentrator; a bare JID is resolved to its" + " online resource.")
    private String concentrator;

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
            s.progress().step("listing the nodes of " + target + " ...");
            List<NodeInformation> nodes = Targets.await(
                    s,
                    target,
                    ConcentratorClient.getInstanceFor(s.connection()).getAllNodes(target, source, NodeDetail.NONE),
                    s.timeout());
            s.progress().clear();
            List<List<Object>> rows = new ArrayList<>();
            for (NodeInformation n : nodes) {
                rows.add(List.of(
                        n.nodeId(),
                        n.nodeType() == null ? "" : n.nodeType(),
                        n.parentId() == null ? "" : n.parentId(),
                        n.state().toString(),
                        n.readable(),
                        n.controllable()));
            }
            output.rows(spec.commandLine().getOut(), COLUMNS, rows);
            return 0;
        }
    }
}

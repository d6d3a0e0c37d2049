package io.github.xmppiot.examples.cli;

import io.github.xmppiot.concentrator.ConcentratorClient;
import io.github.xmppiot.concentrator.ConcentratorServer;
import io.github.xmppiot.concentrator.NodeTree;
import io.github.xmppiot.core.NodeRef;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jxmpp.jid.Jid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code xmpp-iot remove-node}: destroys a node of a concentrator (XEP-0326 §3.11). */
@Command(
        name = "remove-node",
        sortOptions = false,
        description = "Removes a node from a concentrator or hub" + " (XEP-0326).")
final class RemoveNodeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "JID", description = "The concentrator.")
    private String concentrator;

    @Parameters(index = "1", paramLabel = "NODE_ID", description = "The node to remove.")
    private String nodeId;

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
            s.progress().step("removing " + nodeId + " ...");
            Targets.await(
                    s,
                    target,
                    ConcentratorClient.getInstanceFor(s.connection()).destroyNode(target, NodeRef.of(nodeId, source)),
                    s.timeout());
            s.progress().clear();
            output.result(
                    spec.commandLine().getOut(),
                    Map.of("removed", nodeId),
                    "removed node " + nodeId + " from " + target);
            return 0;
        }
    }
}

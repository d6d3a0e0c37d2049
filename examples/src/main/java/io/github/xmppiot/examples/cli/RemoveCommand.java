package io.github.xmppiot.examples.cli;

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

/**
 * {@code xmpp-iot remove} and {@code xmpp-iot disown}: an owner removes a claimed Thing from the registry (it stays
 * owned) or gives it up (XEP-0347 §3.12, §3.17).
 */
@Command(name = "remove", sortOptions = false, description = "Removes a claimed Thing from the registry (XEP-0347).")
class RemoveCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "JID", description = "The Thing's bare JID.")
    private String thing;

    @Option(names = "--node", paramLabel = "NODE_ID", description = "The node, for a Thing behind a concentrator.")
    private String node;

    @Mixin
    private RegistryAddress registry;

    @Mixin
    private ConnectionOptions connection;

    @Mixin
    private Output output;

    @Spec
    private CommandSpec spec;

    /** @return whether this command disowns instead of removing */
    boolean disown() {
        return false;
    }

    @Override
    public Integer call() throws Exception {
        Jid jid = Session.jid(thing, "JID").asBareJid();
        NodeRef ref = node == null ? null : NodeRef.of(node);
        try (Session s = Session.open(connection, spec.commandLine().getErr())) {
            s.progress().step((disown() ? "disowning " : "removing ") + jid + " ...");
            Targets.await(
                    disown()
                            ? registry.owner(s.connection()).disown(jid, ref)
                            : registry.owner(s.connection()).remove(jid, ref),
                    s.timeout());
            s.progress().clear();
            String what = jid + (node == null ? "" : " node " + node);
            output.result(
                    spec.commandLine().getOut(),
                    Map.of(disown() ? "disowned" : "removed", what),
                    disown()
                            ? "disowned " + what + "; it can be claimed again"
                            : "removed " + what + " from the registry; you still own it");
            return 0;
        }
    }

    /** {@code xmpp-iot disown}. */
    @Command(name = "disown", sortOptions = false, description = "Gives up ownership of a Thing (XEP-0347).")
    static final class Disown extends RemoveCommand {
        @Override
        boolean disown() {
            return true;
        }
    }
}

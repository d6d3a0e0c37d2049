package io.github.xmppiot.examples.cli;

import io.github.xmppiot.discovery.ClaimUri;
import io.github.xmppiot.discovery.ClaimedThing;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code xmpp-iot claim}: claims a Thing in a registry with the claim string of its QR code (XEP-0347 §3.9). */
@Command(name = "claim", sortOptions = false, description = "Claims a Thing with its claim string (XEP-0347).")
final class ClaimCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            paramLabel = "CLAIM",
            description = "The claim string the Thing printed, " + ClaimUri.PREFIX + ";...")
    private String claim;

    @Option(names = "--private", description = "Keep the Thing out of public searches.")
    private boolean privateThing;

    @Mixin
    private RegistryAddress registry;

    @Mixin
    private ConnectionOptions connection;

    @Mixin
    private Output output;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try {
            ClaimUri.decode(claim);
        } catch (IllegalArgumentException e) {
            throw CliException.badInput("not a claim string (" + ClaimUri.PREFIX + ";NAME:VALUE;...): "
                    + CliErrors.oneLine(e.getMessage()));
        }
        try (Session s = Session.open(connection, spec.commandLine().getErr())) {
            s.progress().step("claiming ...");
            ClaimedThing thing = Targets.await(registry.owner(s.connection()).claim(claim, !privateThing), s.timeout());
            s.progress().clear();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("jid", thing.jid().toString());
            json.put("node", thing.node() == null ? null : thing.node().nodeId());
            json.put("public", thing.isPublic());
            output.result(
                    spec.commandLine().getOut(),
                    json,
                    "claimed " + thing.jid()
                            + (thing.node() == null
                                    ? ""
                                    : " node " + thing.node().nodeId())
                            + (thing.isPublic() ? " (public)" : " (private)"));
            return 0;
        }
    }
}

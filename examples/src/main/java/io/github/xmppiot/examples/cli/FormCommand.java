package io.github.xmppiot.examples.cli;

import io.github.xmppiot.control.ControlClient;
import io.github.xmppiot.control.ControlForm;
import io.github.xmppiot.control.ControlServer;
import io.github.xmppiot.control.ParameterDescription;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jxmpp.jid.Jid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code xmpp-iot form}: the control form of a Thing (XEP-0325 §3.5) as a table. */
@Command(name = "form", sortOptions = false, description = "Shows the control parameters of a Thing (XEP-0325).")
final class FormCommand implements Callable<Integer> {

    static final List<String> COLUMNS = List.of("name", "type", "value", "range", "label");

    @Parameters(
            index = "0",
            paramLabel = "JID",
            description = "The Thing; a bare JID is resolved to its online" + " resource.")
    private String thing;

    @Option(
            names = "--node",
            paramLabel = "NODE",
            description = "Node id behind a concentrator or hub (repeatable;"
                    + " several give their common parameters). Default: the JID itself.")
    private List<String> nodes = new ArrayList<>();

    @Mixin
    private ConnectionOptions connection;

    @Mixin
    private Output output;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Session s = Session.open(connection, spec.commandLine().getErr())) {
            Jid target = Targets.resolve(s, thing, ControlServer.NAMESPACE, spec);
            s.progress().step("reading the control form of " + target + " ...");
            ControlForm form;
            try {
                form = Targets.await(
                        s,
                        target,
                        ControlClient.getInstanceFor(s.connection())
                                .update(b -> b.replyTimeout(s.timeout()))
                                .getForm(
                                        target,
                                        Tokens.NONE,
                                        nodes.stream().map(NodeRef::of).toList()),
                        s.timeout());
            } catch (ExecutionException e) {
                if (nodes.isEmpty()
                        && e.getCause() instanceof IotErrorException ie
                        && ie.condition() == StanzaError.Condition.bad_request) {
                    throw new CliException(
                            CliException.FAILED,
                            target + " answered bad-request: a hub or"
                                    + " concentrator has a form per node; give --node NODE (list them with 'xmpp-iot nodes "
                                    + target.asBareJid() + "')",
                            e.getCause());
                }
                throw e;
            }
            s.progress().clear();
            List<List<Object>> rows = new ArrayList<>();
            for (ParameterDescription p : form.parameters()) {
                rows.add(List.of(
                        p.name(),
                        p.type().elementName(),
                        p.currentValue().map(Value::lexical).orElse(""),
                        range(p),
                        p.label()));
            }
            output.rows(spec.commandLine().getOut(), COLUMNS, rows);
            return 0;
        }
    }

    private static String range(ParameterDescription p) {
        if (!p.options().isEmpty()) {
            return String.join("|", p.options());
        }
        if (p.min() == null && p.max() == null) {
            return "";
        }
        return (p.min() == null ? "" : p.min().lexical()) + ".."
                + (p.max() == null ? "" : p.max().lexical());
    }
}

package io.github.xmppiot.examples.cli;

import io.github.xmppiot.control.ControlClient;
import io.github.xmppiot.control.ControlForm;
import io.github.xmppiot.control.ControlRequest;
import io.github.xmppiot.control.ControlServer;
import io.github.xmppiot.control.ParameterDescription;
import io.github.xmppiot.control.SetResult;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.value.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.jivesoftware.smack.packet.StanzaError;
import org.jxmpp.jid.Jid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xmpp-iot set}: sets control parameters (XEP-0325). The Thing's control form gives each parameter's type, so
 * values are typed as the Thing expects and checked before anything is sent.
 */
@Command(name = "set", sortOptions = false, description = "Sets control parameters of a Thing (XEP-0325).")
final class SetCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            paramLabel = "JID",
            description = "The Thing; a bare JID is resolved to its online" + " resource.")
    private String thing;

    @Parameters(
            index = "1..*",
            arity = "1..*",
            paramLabel = "NAME[:TYPE]=VALUE",
            description = "Parameters to set."
                    + " The type comes from the Thing's control form; for a Thing without one, give it as NAME:TYPE=VALUE"
                    + " (boolean, color, date, dateTime, double, duration, int, long, string, time) or let it be inferred"
                    + " from the value.")
    private List<String> assignments;

    @Option(names = "--node", paramLabel = "NODE", description = "Node id to control (repeatable). Default: the JID.")
    private List<String> nodes = new ArrayList<>();

    @Mixin
    private ConnectionOptions connection;

    @Mixin
    private Output output;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Map<String, String> given = Assignments.parse(assignments);
        Map<TypedValues.Name, String> values = new LinkedHashMap<>();
        given.forEach((name, value) -> values.put(TypedValues.Name.parse(name), value));
        try (Session s = Session.open(connection, spec.commandLine().getErr())) {
            Jid target = Targets.resolve(s, thing, ControlServer.NAMESPACE, spec);
            ControlClient client =
                    ControlClient.getInstanceFor(s.connection()).update(b -> b.replyTimeout(s.timeout()));
            s.progress().step("reading the control form of " + target + " ...");
            ControlForm form = form(s, client, target);
            ControlRequest.Builder request = ControlRequest.builder();
            nodes.forEach(request::node);
            for (Map.Entry<TypedValues.Name, String> e : values.entrySet()) {
                request.set(
                        e.getKey().name(),
                        form == null
                                ? TypedValues.typed(e.getKey(), e.getValue())
                                : typed(form, e.getKey(), e.getValue()));
            }
            if (form == null) {
                spec.commandLine()
                        .getErr()
                        .println("set: " + target + " has no control form"
                                + " (feature-not-implemented); sending typed values "
                                + values.entrySet().stream()
                                        .map(e -> e.getKey().name() + ":"
                                                + TypedValues.typed(e.getKey(), e.getValue())
                                                        .type()
                                                        .elementName() + "=" + e.getValue())
                                        .collect(Collectors.joining(" ")));
                spec.commandLine().getErr().flush();
            }
            Map<String, String> byName = new LinkedHashMap<>();
            values.forEach((name, value) -> byName.put(name.name(), value));
            s.progress().step("setting " + String.join(", ", byName.keySet()) + " ...");
            SetResult result = Targets.await(s, target, client.set(target, request.build()), s.timeout());
            s.progress().clear();
            List<String> set = result.parameters().isEmpty() ? List.copyOf(byName.keySet()) : result.parameters();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("thing", target.toString());
            json.put("set", set);
            json.put("narrowed", result.isNarrowed());
            output.result(
                    spec.commandLine().getOut(),
                    json,
                    "set " + set.stream().map(n -> n + "=" + byName.get(n)).collect(Collectors.joining(" ")) + " on "
                            + target
                            + (result.isNarrowed() ? " (narrowed by the Thing)" : ""));
            return 0;
        }
    }

    /** The control form, or null if the Thing has none (XEP-0325 §3.3 is optional for devices of other stacks). */
    private ControlForm form(Session s, ControlClient client, Jid target) throws Exception {
        try {
            return Targets.await(
                    s,
                    target,
                    client.getForm(
                            target,
                            io.github.xmppiot.core.Tokens.NONE,
                            nodes.stream()
                                    .map(io.github.xmppiot.core.NodeRef::of)
                                    .toList()),
                    s.timeout());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IotErrorException ie
                    && (ie.condition() == StanzaError.Condition.feature_not_implemented
                            || ie.condition() == StanzaError.Condition.service_unavailable && target.hasResource())) {
                return null;
            }
            throw e;
        }
    }

    private static Value typed(ControlForm form, TypedValues.Name given, String lexical) {
        String name = given.name();
        ParameterDescription p = form.parameter(name)
                .orElseThrow(() -> CliException.badInput("the Thing has no "
                        + "control parameter '" + name + "'; it has: "
                        + form.parameters().stream()
                                .map(ParameterDescription::name)
                                .collect(Collectors.joining(", "))));
        if (given.type().isPresent() && given.type().get() != p.type()) {
            throw CliException.badInput(name + " is a " + p.type().elementName() + " on the Thing, not a "
                    + given.type().get().elementName());
        }
        try {
            return Values.parse(p.type(), lexical);
        } catch (IllegalArgumentException e) {
            throw CliException.badInput(
                    "'" + lexical + "' is not a valid " + p.type().elementName() + " for " + name);
        }
    }
}

package io.github.xmppiot.concentrator.internal;

import static io.github.xmppiot.concentrator.internal.NodeQueries.fail;
import static io.github.xmppiot.concentrator.internal.NodeQueries.resolve;

import io.github.xmppiot.concentrator.NodeCommandSpec;
import io.github.xmppiot.concentrator.NodeTree;
import io.github.xmppiot.concentrator.NodeType;
import io.github.xmppiot.concentrator.TreeNode;
import io.github.xmppiot.concentrator.element.ConcentratorCommand;
import io.github.xmppiot.concentrator.element.ConcentratorRequest;
import io.github.xmppiot.concentrator.element.ConcentratorResponse;
import io.github.xmppiot.concentrator.element.NodeResult;
import io.github.xmppiot.concentrator.element.ResultCode;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.internal.Failures;
import io.github.xmppiot.core.thing.Thing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jivesoftware.smackx.xdata.packet.DataForm;

/**
 * Node commands of XEP-0326 §3.12 and §3.13: listing and parameters (C18), executing simple and parameterized
 * commands (C18), node queries and their abort (C19), and the batch forms on several nodes (C20), which answer
 * {@code OK} with one {@code result} per node even when some nodes failed (CHECKLIST 326-14). Commands run on the
 * executor, never on Smack's threads.
 */
public final class NodeCommands {

    private final NodeTree tree;
    private final Executor executor;
    private final QueryRunner queries;

    /**
     * Creates the handlers.
     *
     * @param tree     the tree
     * @param executor where commands run
     * @param queries  the running queries
     */
    public NodeCommands(NodeTree tree, Executor executor, QueryRunner queries) {
        this.tree = tree;
        this.executor = executor;
        this.queries = queries;
    }

    /**
     * Handles a command request.
     *
     * @param r the request
     * @return the response, empty if the request is not one of these
     */
    public Optional<CompletableFuture<ConcentratorResponse>> handle(ConcentratorRequest r) {
        ConcentratorCommand c = r.command();
        switch (c) {
            case GET_NODE_COMMANDS:
            case GET_COMMAND_PARAMETERS:
            case EXECUTE_NODE_COMMAND:
            case EXECUTE_NODE_QUERY:
                return Optional.of(single(r));
            case ABORT_NODE_QUERY: {
                String nodeId = r.nodeRef().map(NodeRef::nodeId).orElse("");
                boolean aborted =
                        queries.abort(r.getFrom(), r.attribute("queryId").orElse(""), nodeId);
                return done(
                        aborted
                                ? ConcentratorResponse.builder(c, ResultCode.OK).build()
                                : fail(c, ResultCode.NOT_FOUND, "no such query running (it may have ended)"));
            }
            case GET_COMMON_NODE_COMMANDS:
            case GET_COMMON_COMMAND_PARAMETERS:
                return done(commonList(r));
            case EXECUTE_COMMON_NODE_COMMAND:
            case EXECUTE_COMMON_NODE_QUERY:
                return Optional.of(common(r));
            case ABORT_COMMON_NODE_QUERY: {
                String queryId = r.attribute("queryId").orElse("");
                if (!queries.isRunning(r.getFrom(), queryId)) {
                    return done(fail(c, ResultCode.NOT_FOUND, "no such query running (it may have ended)"));
                }
                r.nodes().forEach(n -> queries.abort(r.getFrom(), queryId, n.nodeId())); // finished nodes are ignored
                return done(ConcentratorResponse.builder(c, ResultCode.OK).build());
            }
            default:
                return Optional.empty();
        }
    }

    private static Optional<CompletableFuture<ConcentratorResponse>> done(ConcentratorResponse r) {
        return Optional.of(CompletableFuture.completedFuture(r));
    }

    private List<NodeCommandSpec> specsOf(TreeNode n) {
        return tree.type(n.type()).map(NodeType::commands).orElse(List.of());
    }

    private Optional<NodeCommandSpec> spec(TreeNode n, String command) {
        return specsOf(n).stream().filter(s -> s.command().equals(command)).findFirst();
    }

    private static boolean kindMatches(ConcentratorCommand c, NodeCommandSpec spec) {
        boolean query =
                c == ConcentratorCommand.EXECUTE_NODE_QUERY || c == ConcentratorCommand.EXECUTE_COMMON_NODE_QUERY;
        return query == spec.isQuery();
    }

    private static Forms.Validated validate(ConcentratorRequest r, NodeCommandSpec spec) {
        DataForm form =
                r.form().orElseGet(() -> DataForm.builder(DataForm.Type.submit).build());
        return Forms.validate(spec.parameters(), form, Map.of(), false);
    }

    private static ConcentratorResponse formError(ConcentratorCommand c, Forms.Validated v) {
        return ConcentratorResponse.builder(c, ResultCode.FORM_ERROR)
                .errors(v.errors())
                .errorText("invalid form")
                .build();
    }

    private CompletableFuture<ConcentratorResponse> single(ConcentratorRequest r) {
        ConcentratorCommand c = r.command();
        Optional<TreeNode> n = resolve(tree, r.nodeRef().orElse(null));
        if (n.isEmpty()) {
            return CompletableFuture.completedFuture(fail(c, ResultCode.NOT_FOUND, "unknown node"));
        }
        if (c == ConcentratorCommand.GET_NODE_COMMANDS) {
            var b = ConcentratorResponse.builder(c, ResultCode.OK);
            specsOf(n.get()).forEach(s -> b.command(s.describe()));
            return CompletableFuture.completedFuture(b.build());
        }
        String name = r.attribute("command").orElse("");
        Optional<NodeCommandSpec> spec = spec(n.get(), name);
        if (spec.isEmpty() || (c != ConcentratorCommand.GET_COMMAND_PARAMETERS && !kindMatches(c, spec.get()))) {
            return CompletableFuture.completedFuture(fail(
                    c,
                    ResultCode.NOT_FOUND,
                    spec.isEmpty()
                            ? "unknown command " + name
                            : name + (spec.get().isQuery() ? " is a query" : " is not a query")));
        }
        if (c == ConcentratorCommand.GET_COMMAND_PARAMETERS) {
            return CompletableFuture.completedFuture(ConcentratorResponse.builder(c, ResultCode.OK)
                    .form(Forms.form(spec.get().name(), spec.get().parameters(), Map.of(), Set.of(), false))
                    .build());
        }
        Forms.Validated v = validate(r, spec.get());
        if (!v.ok()) {
            return CompletableFuture.completedFuture(formError(c, v));
        }
        Optional<Thing> thing = tree.thing(n.get().nodeId());
        if (thing.isEmpty()) {
            return CompletableFuture.completedFuture(fail(c, ResultCode.NOT_FOUND, "node has no device"));
        }
        if (c == ConcentratorCommand.EXECUTE_NODE_QUERY) {
            String queryId = queries.newQueryId();
            queries.register(queryId, r.getFrom(), n.get().ref(), thing.get(), spec.get(), v.values());
            return CompletableFuture.completedFuture(ConcentratorResponse.builder(c, ResultCode.OK)
                    .queryId(queryId)
                    .build());
        }
        return run(spec.get(), thing.get(), v)
                .thenApply(x -> ConcentratorResponse.builder(c, ResultCode.OK).build())
                .exceptionally(e -> fail(c, ResultCode.OTHER_ERROR, message(e)));
    }

    private CompletableFuture<Void> run(NodeCommandSpec spec, Thing thing, Forms.Validated v) {
        return CompletableFuture.supplyAsync(() -> spec.action().execute(thing, v.values()), executor)
                .thenCompose(s -> s);
    }

    private static String message(Throwable e) {
        Throwable t = Failures.unwrap(e);
        return String.valueOf(t.getMessage());
    }

    private List<TreeNode> resolveAll(ConcentratorRequest r) {
        List<TreeNode> out = new ArrayList<>();
        for (NodeRef ref : r.nodes()) {
            Optional<TreeNode> n = resolve(tree, ref);
            if (n.isEmpty()) {
                return null;
            }
            out.add(n.get());
        }
        return out;
    }

    /** The commands every node offers with the same description and parameters (XEP-0326 §3.13). */
    private List<NodeCommandSpec> commonSpecs(List<TreeNode> nodes) {
        List<NodeCommandSpec> out = new ArrayList<>();
        for (NodeCommandSpec s : specsOf(nodes.get(0))) {
            if (nodes.stream()
                    .allMatch(n ->
                            spec(n, s.command()).filter(x -> sameShape(x, s)).isPresent())) {
                out.add(s);
            }
        }
        return out;
    }

    private static boolean sameShape(NodeCommandSpec a, NodeCommandSpec b) {
        return a.describe().equals(b.describe()) && a.parameters().equals(b.parameters());
    }

    private ConcentratorResponse commonList(ConcentratorRequest r) {
        ConcentratorCommand c = r.command();
        List<TreeNode> nodes = resolveAll(r);
        if (nodes == null || nodes.isEmpty()) {
            return fail(c, ResultCode.NOT_FOUND, "unknown node, or no nodes given");
        }
        List<NodeCommandSpec> specs = commonSpecs(nodes);
        if (c == ConcentratorCommand.GET_COMMON_NODE_COMMANDS) {
            var b = ConcentratorResponse.builder(c, ResultCode.OK);
            specs.forEach(s -> b.command(s.describe()));
            return b.build();
        }
        String name = r.attribute("command").orElse("");
        return specs.stream()
                .filter(s -> s.command().equals(name))
                .findFirst()
                .map(s -> ConcentratorResponse.builder(c, ResultCode.OK)
                        .form(Forms.form(s.name(), s.parameters(), Map.of(), Set.of(), false))
                        .build())
                .orElseGet(() -> fail(c, ResultCode.NOT_FOUND, "no common command " + name));
    }

    private CompletableFuture<ConcentratorResponse> common(ConcentratorRequest r) {
        ConcentratorCommand c = r.command();
        String name = r.attribute("command").orElse("");
        List<Optional<TreeNode>> nodes =
                r.nodes().stream().map(ref -> resolve(tree, ref)).toList();
        Optional<NodeCommandSpec> first = nodes.stream()
                .flatMap(Optional::stream)
                .map(n -> spec(n, name))
                .flatMap(Optional::stream)
                .filter(s -> kindMatches(c, s))
                .findFirst();
        if (first.isEmpty()) {
            return CompletableFuture.completedFuture(fail(c, ResultCode.NOT_FOUND, "no node offers " + name));
        }
        Forms.Validated v = validate(r, first.get());
        if (!v.ok()) {
            return CompletableFuture.completedFuture(formError(c, v));
        }
        boolean query = c == ConcentratorCommand.EXECUTE_COMMON_NODE_QUERY;
        String queryId = query ? queries.newQueryId() : null;
        List<CompletableFuture<NodeResult>> results = new ArrayList<>();
        for (Optional<TreeNode> n : nodes) {
            Optional<NodeCommandSpec> spec = n.flatMap(x -> spec(x, name)).filter(s -> sameShape(s, first.get()));
            Optional<Thing> thing = n.flatMap(x -> tree.thing(x.nodeId()));
            if (n.isEmpty() || spec.isEmpty() || thing.isEmpty()) {
                String why = n.isEmpty()
                        ? "unknown node"
                        : spec.isEmpty() ? "the node does not offer " + name : "node has no device";
                results.add(CompletableFuture.completedFuture(new NodeResult(false, why)));
            } else if (query) {
                queries.register(queryId, r.getFrom(), n.get().ref(), thing.get(), spec.get(), v.values());
                results.add(CompletableFuture.completedFuture(new NodeResult(true, null)));
            } else {
                results.add(run(spec.get(), thing.get(), v)
                        .thenApply(x -> new NodeResult(true, null))
                        .exceptionally(e -> new NodeResult(false, message(e))));
            }
        }
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                .thenApply(x -> {
                    var b = ConcentratorResponse.builder(c, ResultCode.OK).queryId(queryId);
                    results.forEach(f -> b.nodeResult(f.join()));
                    return b.build();
                });
    }
}

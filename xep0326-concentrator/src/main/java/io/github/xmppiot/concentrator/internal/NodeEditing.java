package io.github.xmppiot.concentrator.internal;

import static io.github.xmppiot.concentrator.internal.NodeQueries.fail;
import static io.github.xmppiot.concentrator.internal.NodeQueries.resolve;

import io.github.xmppiot.concentrator.NodeParameterSpec;
import io.github.xmppiot.concentrator.NodeTree;
import io.github.xmppiot.concentrator.NodeType;
import io.github.xmppiot.concentrator.TreeNode;
import io.github.xmppiot.concentrator.element.AddableNodeType;
import io.github.xmppiot.concentrator.element.ConcentratorCommand;
import io.github.xmppiot.concentrator.element.ConcentratorRequest;
import io.github.xmppiot.concentrator.element.ConcentratorResponse;
import io.github.xmppiot.concentrator.element.NodeInformation;
import io.github.xmppiot.concentrator.element.ParameterError;
import io.github.xmppiot.concentrator.element.ResultCode;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.value.StringValue;
import io.github.xmppiot.core.value.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.jivesoftware.smackx.xdata.packet.DataForm;

/**
 * The changing commands of XEP-0326: moving (C14), node parameters (C15, C16), creating and destroying nodes (C17)
 * (node commands are in {@link NodeCommands}). Anything that builds a Thing runs on the given executor, never on Smack's threads.
 */
public final class NodeEditing {

    private final NodeTree tree;
    private final NodeDescriber describer;
    private final Executor executor;

    /**
     * Creates the handlers.
     *
     * @param tree     the tree
     * @param executor where Things are built and commands run
     */
    public NodeEditing(NodeTree tree, Executor executor) {
        this.tree = tree;
        this.describer = new NodeDescriber(tree);
        this.executor = executor;
    }

    /**
     * Handles a changing command.
     *
     * @param r the request
     * @return the response, empty if the command is not one of these
     */
    public Optional<CompletableFuture<ConcentratorResponse>> handle(ConcentratorRequest r) {
        ConcentratorCommand c = r.command();
        switch (c) {
            case MOVE_NODE_UP:
            case MOVE_NODE_DOWN:
            case MOVE_NODES_UP:
            case MOVE_NODES_DOWN:
                return done(move(r, c == ConcentratorCommand.MOVE_NODE_UP || c == ConcentratorCommand.MOVE_NODES_UP));
            case GET_NODE_PARAMETERS_FOR_EDIT:
            case GET_COMMON_NODE_PARAMETERS_FOR_EDIT:
                return done(editForm(r));
            case SET_NODE_PARAMETERS_AFTER_EDIT:
            case SET_COMMON_NODE_PARAMETERS_AFTER_EDIT:
                return Optional.of(CompletableFuture.supplyAsync(() -> setParameters(r), executor));
            case GET_ADDABLE_NODE_TYPES: {
                Optional<TreeNode> parent = resolve(tree, r.nodeRef().orElse(null));
                if (parent.isEmpty()) {
                    return done(fail(c, ResultCode.NOT_FOUND, "unknown node"));
                }
                var b = ConcentratorResponse.builder(c, ResultCode.OK);
                tree.types().stream()
                        .filter(t -> tree.canHaveChild(parent.get(), t))
                        .forEach(t -> b.nodeType(new AddableNodeType(t.type(), t.name())));
                return done(b.build());
            }
            case GET_PARAMETERS_FOR_NEW_NODE: {
                Optional<NodeType> t = newNodeType(r);
                return done(t.map(type -> ConcentratorResponse.builder(c, ResultCode.OK)
                                .form(Forms.form(type.name(), newNodeSpecs(type), Map.of(), Set.of(), false))
                                .build())
                        .orElseGet(() -> fail(c, ResultCode.NOT_FOUND, whyNotAddable(r))));
            }
            case CREATE_NEW_NODE:
                return Optional.of(CompletableFuture.supplyAsync(() -> create(r), executor));
            case DESTROY_NODE: {
                Optional<TreeNode> n = resolve(tree, r.nodeRef().orElse(null));
                if (n.isEmpty() || n.get().parentId() == null) {
                    return done(fail(
                            c,
                            n.isEmpty() ? ResultCode.NOT_FOUND : ResultCode.INSUFFICIENT_PRIVILEGES,
                            n.isEmpty() ? "unknown node" : "the root node cannot be destroyed"));
                }
                return Optional.of(CompletableFuture.supplyAsync(
                        () -> tree.remove(n.get().nodeId())
                                ? ConcentratorResponse.builder(c, ResultCode.OK).build()
                                : fail(c, ResultCode.NOT_FOUND, "unknown node"),
                        executor));
            }
            default:
                return Optional.empty();
        }
    }

    private static Optional<CompletableFuture<ConcentratorResponse>> done(ConcentratorResponse r) {
        return Optional.of(CompletableFuture.completedFuture(r));
    }

    private ConcentratorResponse move(ConcentratorRequest r, boolean up) {
        List<NodeRef> refs = r.addressedNodes();
        List<TreeNode> nodes = new ArrayList<>();
        for (NodeRef ref : refs) {
            Optional<TreeNode> n = resolve(tree, ref);
            if (n.isEmpty()) {
                return fail(r.command(), ResultCode.NOT_FOUND, "unknown node " + ref.nodeId());
            }
            nodes.add(n.get());
        }
        if (!up) {
            java.util.Collections.reverse(nodes);
        }
        for (TreeNode n : nodes) {
            tree.move(n.nodeId(), up);
        }
        return ConcentratorResponse.builder(r.command(), ResultCode.OK).build();
    }

    private List<TreeNode> editable(ConcentratorRequest r, List<ParameterError> notFound) {
        List<TreeNode> out = new ArrayList<>();
        for (NodeRef ref : r.addressedNodes()) {
            Optional<TreeNode> n = resolve(tree, ref).filter(x -> x.parentId() != null);
            if (n.isEmpty()) {
                notFound.add(new ParameterError(ref.nodeId(), "unknown node"));
            } else {
                out.add(n.get());
            }
        }
        return out;
    }

    private List<NodeParameterSpec> specsOf(TreeNode n) {
        return tree.type(n.type()).map(NodeType::parameters).orElse(List.of());
    }

    private ConcentratorResponse editForm(ConcentratorRequest r) {
        List<ParameterError> missing = new ArrayList<>();
        List<TreeNode> nodes = editable(r, missing);
        if (!missing.isEmpty() || nodes.isEmpty()) {
            return fail(r.command(), ResultCode.NOT_FOUND, "unknown or non-editable node");
        }
        boolean common = r.command() == ConcentratorCommand.GET_COMMON_NODE_PARAMETERS_FOR_EDIT;
        TreeNode first = nodes.get(0);
        List<NodeParameterSpec> specs = new ArrayList<>();
        if (!common) {
            specs.add(Forms.idSpec());
        }
        Set<String> notSame = new HashSet<>();
        for (NodeParameterSpec s : specsOf(first)) {
            boolean shared = nodes.stream().allMatch(n -> specsOf(n).contains(s));
            if (shared) {
                specs.add(s);
                if (nodes.stream()
                        .anyMatch(n -> !Objects.equals(
                                n.configuration().get(s.id()),
                                first.configuration().get(s.id())))) {
                    notSame.add(s.id());
                }
            }
        }
        Map<String, Value> values = new LinkedHashMap<>(first.configuration());
        values.put(Forms.ID_FIELD, new StringValue(first.nodeId()));
        String title = common ? nodes.size() + " nodes" : first.nodeId();
        return ConcentratorResponse.builder(r.command(), ResultCode.OK)
                .form(Forms.form(title, specs, values, notSame, true))
                .build();
    }

    private ConcentratorResponse setParameters(ConcentratorRequest r) {
        List<ParameterError> missing = new ArrayList<>();
        List<TreeNode> nodes = editable(r, missing);
        if (!missing.isEmpty() || nodes.isEmpty()) {
            return fail(r.command(), ResultCode.NOT_FOUND, "unknown or non-editable node");
        }
        boolean common = r.command() == ConcentratorCommand.SET_COMMON_NODE_PARAMETERS_AFTER_EDIT;
        DataForm form = r.form().orElseThrow();
        List<ParameterError> errors = new ArrayList<>();
        List<Map<String, Value>> configs = new ArrayList<>();
        String newId = nodes.get(0).nodeId();
        if (!common && form.getField(Forms.ID_FIELD) != null) {
            String id = Optional.ofNullable(form.getField(Forms.ID_FIELD).getFirstValue())
                    .orElse("")
                    .strip();
            if (id.isEmpty()) {
                errors.add(new ParameterError(Forms.ID_FIELD, "A value is required."));
            } else if (!id.equals(newId) && tree.get(id).isPresent()) {
                errors.add(new ParameterError(Forms.ID_FIELD, "There already exists a node with this ID."));
            }
            newId = id;
        }
        for (TreeNode n : nodes) {
            Forms.Validated v = Forms.validate(specsOf(n), form, n.configuration(), common);
            List<ParameterError> all = new ArrayList<>(v.errors());
            if (v.ok()) {
                all.addAll(typeCheck(tree.type(n.type()), v.values()));
            }
            all.stream()
                    .filter(e -> errors.stream().noneMatch(x -> x.var().equals(e.var())))
                    .forEach(errors::add);
            configs.add(v.values());
        }
        if (!errors.isEmpty()) {
            return ConcentratorResponse.builder(r.command(), ResultCode.FORM_ERROR)
                    .errors(errors)
                    .errorText("invalid form")
                    .build();
        }
        List<NodeInformation> updated = new ArrayList<>();
        try {
            for (int i = 0; i < nodes.size(); i++) {
                String id = common ? nodes.get(i).nodeId() : newId;
                updated.add(
                        describer.describe(tree.reconfigure(nodes.get(i).nodeId(), id, configs.get(i)), true, false));
            }
        } catch (Exception e) {
            return fail(r.command(), ResultCode.OTHER_ERROR, String.valueOf(e.getMessage()));
        }
        return ConcentratorResponse.builder(r.command(), ResultCode.OK)
                .nodes(updated)
                .build();
    }

    private Optional<NodeType> newNodeType(ConcentratorRequest r) {
        Optional<TreeNode> parent = resolve(tree, r.nodeRef().orElse(null));
        Optional<NodeType> type = r.attribute("type").flatMap(tree::type);
        if (parent.isEmpty() || type.isEmpty() || !tree.canHaveChild(parent.get(), type.get())) {
            return Optional.empty();
        }
        return type;
    }

    /**
     * Names the nodes that hold a resource a new node could not open ("gpio:17 is already open"): those configured
     * with the same value, under the same parameter name, as a value the failure message mentions.
     */
    private String usedBy(String failure, Map<String, Value> values) {
        List<String> users = new ArrayList<>();
        for (TreeNode other : tree.all()) {
            values.forEach((name, value) -> {
                Value theirs = other.configuration().get(name);
                if (theirs != null
                        && theirs.lexical().equals(value.lexical())
                        && failure.matches("(?s).*\\b" + java.util.regex.Pattern.quote(value.lexical()) + "\\b.*")) {
                    users.add(other.nodeId() + " (" + name + "=" + value.lexical() + ")");
                }
            });
        }
        return users.isEmpty() ? "" : "; in use by node " + String.join(", ", users);
    }

    /** The reason a new node cannot be made (XEP-0326 §3.11), naming the types the parent can have. */
    private String whyNotAddable(ConcentratorRequest r) {
        Optional<TreeNode> parent = resolve(tree, r.nodeRef().orElse(null));
        String type = r.attribute("type").orElse("");
        if (parent.isEmpty()) {
            return "unknown parent node " + r.nodeRef().map(NodeRef::nodeId).orElse("(none given)");
        }
        String addable = tree.types().stream()
                .filter(t -> tree.canHaveChild(parent.get(), t))
                .map(NodeType::type)
                .collect(Collectors.joining(", "));
        return (tree.type(type).isEmpty()
                        ? "unknown node type " + type
                        : "type " + type + " cannot be added under "
                                + parent.get().nodeId())
                + "; types addable under " + parent.get().nodeId() + ": " + addable;
    }

    private static List<NodeParameterSpec> newNodeSpecs(NodeType type) {
        List<NodeParameterSpec> specs = new ArrayList<>();
        specs.add(Forms.idSpec());
        specs.addAll(type.parameters());
        return specs;
    }

    private ConcentratorResponse create(ConcentratorRequest r) {
        Optional<NodeType> type = newNodeType(r);
        if (type.isEmpty()) {
            return fail(r.command(), ResultCode.NOT_FOUND, whyNotAddable(r));
        }
        DataForm form = r.form().orElseThrow();
        Forms.Validated id = Forms.validate(List.of(Forms.idSpec()), form, Map.of(), false);
        Forms.Validated v = Forms.validate(type.get().parameters(), form, Map.of(), false);
        List<ParameterError> errors = new ArrayList<>(id.errors());
        String nodeId = id.ok() ? id.values().get(Forms.ID_FIELD).lexical().strip() : null;
        if (nodeId != null && tree.get(nodeId).isPresent()) {
            errors.add(new ParameterError(Forms.ID_FIELD, "There already exists a node with this ID."));
        }
        errors.addAll(v.errors());
        if (v.ok()) {
            errors.addAll(typeCheck(type, v.values()));
        }
        if (!errors.isEmpty()) {
            return ConcentratorResponse.builder(r.command(), ResultCode.FORM_ERROR)
                    .errors(errors)
                    .errorText("invalid form")
                    .build();
        }
        try {
            TreeNode n = tree.add(r.nodeRef().get().nodeId(), type.get().type(), nodeId, v.values());
            return ConcentratorResponse.builder(r.command(), ResultCode.OK)
                    .nodes(List.of(describer.describe(n, true, false)))
                    .build();
        } catch (Exception e) {
            return fail(
                    r.command(),
                    ResultCode.OTHER_ERROR,
                    String.valueOf(e.getMessage()) + usedBy(String.valueOf(e.getMessage()), v.values()));
        }
    }

    private static List<ParameterError> typeCheck(Optional<NodeType> type, Map<String, Value> values) {
        List<ParameterError> out = new ArrayList<>();
        type.ifPresent(t -> t.check(values).forEach((var, text) -> out.add(new ParameterError(var, text))));
        return out;
    }
}

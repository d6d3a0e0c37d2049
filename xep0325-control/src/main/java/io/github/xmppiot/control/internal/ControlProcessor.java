package io.github.xmppiot.control.internal;

import io.github.xmppiot.control.SetResult;
import io.github.xmppiot.control.element.ControlSet;
import io.github.xmppiot.control.element.ParamError;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.core.internal.Failures;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.iq.IotErrors;
import io.github.xmppiot.core.thing.ControlParameter;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jxmpp.jid.Jid;

/**
 * The Thing side of XEP-0325, without any network: access decision, node resolution, validation of every parameter
 * against every addressed node before anything happens (§3.4 all-or-nothing), then application in document order
 * (§3.2). Requests are executed one after the other, so that a validated request is applied before the next one is
 * validated; validation and actions run on the context's work executor. Every outcome is a {@link SetResult} or an
 * {@link IotErrorException} (more waiting requests than the context allows give {@code wait/resource-constraint}), or a
 * {@link RejectedExecutionException} for a task an executor refused, which the IQ handler answers with
 * {@code wait/resource-constraint} too.
 */
public final class ControlProcessor {

    private final Duration applyTimeout;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    private int queued;

    /**
     * Creates a processor; one per server, since it keeps the order of the server's requests.
     *
     * @param applyTimeout longest time one request's actions may take before the next request proceeds
     */
    public ControlProcessor(Duration applyTimeout) {
        this.applyTimeout = Objects.requireNonNull(applyTimeout, "applyTimeout");
    }

    /**
     * Executes a {@code set}.
     *
     * @param context   the settings in force when the request arrived
     * @param requester the requester's full JID
     * @param set       the request
     * @return completes with the outcome, or exceptionally with an {@link IotErrorException}
     */
    public CompletableFuture<SetResult> set(ControlContext context, Jid requester, ControlSet set) {
        List<Assignment> assignments = Assignment.of(set);
        Set<String> names = new LinkedHashSet<>();
        assignments.forEach(a -> names.add(a.name()));
        AccessRequest request = AccessRequest.control(requester, set.tokens(), set.nodes(), names);
        return decide(context, request)
                .thenCompose(decision ->
                        serialised(context, () -> execute(context.things(), decision, set.nodes(), assignments)))
                .handle(ControlProcessor::unwrap);
    }

    /**
     * Builds the control form for {@code getForm} (§3.3; several nodes: §3.4, only parameters common to all).
     *
     * @param context   the settings in force when the request arrived
     * @param requester the requester's full JID
     * @param tokens    the request's tokens
     * @param nodes     the nodes addressed
     * @return completes with the form, or exceptionally with an {@link IotErrorException}
     */
    public CompletableFuture<DataForm> form(ControlContext context, Jid requester, Tokens tokens, List<NodeRef> nodes) {
        return decide(context, AccessRequest.control(requester, tokens, nodes, Set.of()))
                .thenApplyAsync(
                        decision -> {
                            List<Thing> things = allowedThings(context.things(), decision, nodes);
                            List<ControlParameter> params = new ArrayList<>();
                            for (ControlParameter p : things.get(0).parameters()) {
                                if (decision.allowsName(p.name())
                                        && things.stream()
                                                .allMatch(t -> t.parameter(p.name())
                                                        .filter(q -> q.type() == p.type())
                                                        .isPresent())) {
                                    params.add(p);
                                }
                            }
                            if (params.isEmpty() && things.size() > 1) {
                                throw new CompletionExceptionCarrier(IotErrors.featureNotImplemented(
                                        "Cannot merge control forms from different nodes."));
                            }
                            return FormBuilder.build(title(things), params);
                        },
                        context.work())
                .handle(ControlProcessor::unwrap);
    }

    private static CompletableFuture<AccessDecision> decide(ControlContext context, AccessRequest request) {
        try {
            return context.policy().decide(request).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Runs {@code work} on the work executor once every request accepted before has finished, or has timed out. The
     * result fails with a {@link TimeoutException} when the work has not finished {@code applyTimeout} after the
     * request was accepted; work whose request has already failed is not started.
     */
    private synchronized <T> CompletableFuture<T> serialised(
            ControlContext context, Supplier<CompletableFuture<T>> work) {
        if (queued >= context.maxQueued()) {
            return CompletableFuture.failedFuture(IotErrors.resourceConstraint(
                    "more than " + context.maxQueued() + " control requests are waiting; try again later"));
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        ScheduledFuture<?> timeout;
        try {
            timeout = context.timer()
                    .schedule(
                            () -> result.completeExceptionally(new TimeoutException("control actions took too long")),
                            applyTimeout.toMillis(),
                            TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
        queued++;
        tail.thenRunAsync(
                        () -> {
                            if (!result.isDone()) {
                                work.get().whenComplete((r, e) -> complete(result, r, e));
                            }
                        },
                        context.work())
                .whenComplete((x, e) -> {
                    if (e != null) {
                        result.completeExceptionally(e);
                    }
                });
        CompletableFuture<Void> next = result.handle((r, e) -> null);
        next.whenComplete((x, e) -> {
            timeout.cancel(false);
            dequeued();
        });
        tail = next;
        return result;
    }

    private static <T> void complete(CompletableFuture<T> result, T value, Throwable failure) {
        if (failure != null) {
            result.completeExceptionally(failure);
        } else {
            result.complete(value);
        }
    }

    private synchronized void dequeued() {
        queued--;
    }

    private static CompletableFuture<SetResult> execute(
            ThingDirectory dir, AccessDecision decision, List<NodeRef> requested, List<Assignment> assignments) {
        List<Thing> things;
        try {
            things = allowedThings(dir, decision, requested);
        } catch (CompletionExceptionCarrier e) {
            return CompletableFuture.failedFuture(e.error);
        }
        List<Assignment> allowed =
                assignments.stream().filter(a -> decision.allowsName(a.name())).toList();
        if (allowed.isEmpty() && !assignments.isEmpty()) {
            return CompletableFuture.failedFuture(IotErrors.forbidden("not allowed to set these parameters"));
        }
        Map<String, String> unknown = new LinkedHashMap<>();
        Map<String, String> bad = new LinkedHashMap<>();
        Map<String, String> locked = new LinkedHashMap<>();
        List<Supplier<CompletionStage<Void>>> actions = new ArrayList<>();
        for (Thing thing : things) {
            String where = things.size() > 1 ? " on node " + thing.node().nodeId() : "";
            for (Assignment a : allowed) {
                ControlParameter p = thing.parameter(a.name()).orElse(null);
                if (p == null) {
                    unknown.putIfAbsent(a.name(), "no such control parameter" + where);
                    continue;
                }
                Value value;
                try {
                    value = a.valueFor(p);
                } catch (IllegalArgumentException e) {
                    bad.putIfAbsent(a.name(), e.getMessage() + where);
                    continue;
                }
                String problem = p.validate(value).orElse(null);
                if (problem != null) {
                    bad.putIfAbsent(a.name(), problem + where);
                } else if (p.isLocked()) {
                    locked.putIfAbsent(a.name(), "locked by another user or process" + where);
                } else {
                    actions.add(() -> p.apply(value));
                }
            }
        }
        if (!unknown.isEmpty()) {
            return CompletableFuture.failedFuture(new IotErrorException(
                    StanzaError.Condition.item_not_found,
                    StanzaError.Type.CANCEL,
                    "unknown control parameter " + String.join(", ", unknown.keySet()),
                    paramErrors(unknown)));
        }
        if (!bad.isEmpty()) {
            return CompletableFuture.failedFuture(
                    IotErrors.badRequest("invalid value for " + String.join(", ", bad.keySet()), paramErrors(bad)));
        }
        if (!locked.isEmpty()) {
            return CompletableFuture.failedFuture(new IotErrorException(
                    StanzaError.Condition.conflict,
                    StanzaError.Type.WAIT,
                    "locked: " + String.join(", ", locked.keySet()),
                    paramErrors(locked)));
        }
        return applyInOrder(actions).thenApply(v -> result(decision, things, allowed));
    }

    private static List<Thing> allowedThings(ThingDirectory dir, AccessDecision decision, List<NodeRef> requested) {
        if (!decision.allowed()) {
            throw new CompletionExceptionCarrier(IotErrors.forbidden("Access denied."));
        }
        List<Thing> things;
        if (requested.isEmpty()) {
            things = dir.all();
            if (things.isEmpty()) {
                throw new CompletionExceptionCarrier(IotErrors.itemNotFound("no controllable thing here"));
            }
            if (things.size() > 1) {
                throw new CompletionExceptionCarrier(
                        IotErrors.badRequest("several things are behind this address; name the nodes to control"));
            }
        } else {
            ThingDirectory.Selection sel = dir.select(requested);
            if (!sel.unknown().isEmpty()) {
                throw new CompletionExceptionCarrier(IotErrors.itemNotFound("unknown node " + sel.unknown()));
            }
            things = sel.things();
        }
        List<Thing> allowed =
                things.stream().filter(t -> decision.allowsNode(t.node())).toList();
        if (allowed.isEmpty()) {
            throw new CompletionExceptionCarrier(IotErrors.forbidden("not allowed to control these nodes"));
        }
        return allowed;
    }

    private static CompletableFuture<Void> applyInOrder(List<Supplier<CompletionStage<Void>>> actions) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (Supplier<CompletionStage<Void>> action : actions) {
            chain = chain.thenCompose(v -> {
                try {
                    return action.get();
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            });
        }
        return chain;
    }

    private static SetResult result(AccessDecision decision, List<Thing> things, List<Assignment> allowed) {
        if (!decision.isNarrowed()) {
            return SetResult.asRequested();
        }
        List<NodeRef> nodes = decision.nodes().isEmpty()
                ? List.of()
                : things.stream().map(Thing::node).toList();
        List<String> names = decision.names().isEmpty()
                ? List.of()
                : allowed.stream().map(Assignment::name).distinct().toList();
        return new SetResult(nodes, names);
    }

    private static List<ParamError> paramErrors(Map<String, String> errors) {
        List<ParamError> out = new ArrayList<>();
        errors.forEach((name, text) -> out.add(new ParamError(name, text)));
        return out;
    }

    private static String title(List<Thing> things) {
        if (things.size() == 1) {
            return things.get(0).node().nodeId();
        }
        String two = things.get(0).node().nodeId() + ", " + things.get(1).node().nodeId();
        return things.size() > 2 ? two + ", ..." : two;
    }

    private static <T> T unwrap(T value, Throwable failure) {
        if (failure == null) {
            return value;
        }
        Throwable t = Failures.unwrap(failure);
        if (t instanceof CompletionExceptionCarrier c) {
            throw new CompletionException(c.error);
        }
        throw failure instanceof RuntimeException r ? r : new CompletionException(failure);
    }

    /** Carries an {@link IotErrorException} out of a lambda. */
    private static final class CompletionExceptionCarrier extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient IotErrorException error;

        CompletionExceptionCarrier(IotErrorException error) {
            super(error.getMessage(), null, false, false);
            this.error = error;
        }
    }
}

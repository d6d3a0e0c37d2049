package io.github.xmppiot.control;

import io.github.xmppiot.core.NodeRef;
import java.util.List;

/**
 * The outcome of a successful control request (XEP-0325 §3.1 {@code setResponse}). Both lists are empty when the Thing
 * executed the request as asked; otherwise they name what was actually used, because the Thing's access policy (for
 * example a XEP-0324 provisioning server, §3.4 "Restricting nodes/parameters during control") narrowed the request.
 *
 * @param nodes      the nodes actually controlled; empty if as requested
 * @param parameters the parameter names actually set; empty if as requested
 * @since 0.1.0
 */
public record SetResult(List<NodeRef> nodes, List<String> parameters) {

    private static final SetResult AS_REQUESTED = new SetResult(List.of(), List.of());

    /**
     * Copies the lists.
     */
    public SetResult {
        nodes = List.copyOf(nodes);
        parameters = List.copyOf(parameters);
    }

    /** @return the outcome of a request executed exactly as asked */
    public static SetResult asRequested() {
        return AS_REQUESTED;
    }

    /** @return whether the Thing narrowed the request to fewer nodes or parameters */
    public boolean isNarrowed() {
        return !nodes.isEmpty() || !parameters.isEmpty();
    }
}

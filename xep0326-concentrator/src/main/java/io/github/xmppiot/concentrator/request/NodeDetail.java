package io.github.xmppiot.concentrator.request;

import io.github.xmppiot.concentrator.element.ConcentratorRequest;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a node description carries beyond its attributes: the XEP-0326 {@code parametersAndMessages} attribute group
 * ({@code parameters} and {@code messages}, both default {@code false}; XEP-0326 §3.6 "Get Node", §3.7, §3.4).
 *
 * @since 0.1.0
 */
public enum NodeDetail {
    /** The node's parameters ({@code parameters='true'}). */
    PARAMETERS("parameters"),
    /** The node's messages ({@code messages='true'}). */
    MESSAGES("messages");

    /** Neither parameters nor messages (the XEP's default). */
    public static final Set<NodeDetail> NONE = Set.of();
    /** Parameters and messages. */
    public static final Set<NodeDetail> ALL = Set.of(PARAMETERS, MESSAGES);

    private final String attribute;

    NodeDetail(String attribute) {
        this.attribute = attribute;
    }

    /** @return the request attribute that asks for this detail */
    public String attribute() {
        return attribute;
    }

    static Set<NodeDetail> copy(Set<NodeDetail> details) {
        return details == null || details.isEmpty() ? NONE : Set.copyOf(EnumSet.copyOf(details));
    }

    static Set<NodeDetail> read(ConcentratorRequest r) {
        EnumSet<NodeDetail> out = EnumSet.noneOf(NodeDetail.class);
        for (NodeDetail d : values()) {
            if (r.flag(d.attribute, false)) {
                out.add(d);
            }
        }
        return copy(out);
    }

    static void write(ConcentratorRequest.Builder b, Set<NodeDetail> details) {
        for (NodeDetail d : values()) {
            if (details.contains(d)) {
                b.flag(d.attribute, true);
            }
        }
    }
}

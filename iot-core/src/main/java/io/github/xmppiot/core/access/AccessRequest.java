package io.github.xmppiot.core.access;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.field.FieldCategory;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jxmpp.jid.Jid;

/**
 * What a requester asks to do, as an access policy sees it (the content of XEP-0324 §3.3 {@code canRead} and §3.4
 * {@code canControl}).
 *
 * @param kind       read or control
 * @param requester  the requester's full JID as the stanza came
 * @param tokens     the tokens the request carried
 * @param nodes      the nodes asked for (empty: all)
 * @param names      field names (read) or parameter names (control) asked for (empty: all)
 * @param categories the field categories asked for (read only; empty for control)
 * @since 0.1.0
 */
public record AccessRequest(
        Kind kind,
        Jid requester,
        Tokens tokens,
        List<NodeRef> nodes,
        Set<String> names,
        Set<FieldCategory> categories) {

    /** Reading (XEP-0323) or controlling (XEP-0325). */
    public enum Kind {
        /** A sensor-data read-out. */
        READ,
        /** A control request or control form. */
        CONTROL
    }

    /**
     * Copies the collections.
     */
    public AccessRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(requester, "requester");
        tokens = tokens == null ? Tokens.NONE : tokens;
        nodes = List.copyOf(nodes);
        names = Set.copyOf(names);
        categories = categories == null || categories.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(FieldCategory.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(categories));
    }

    /**
     * A read request.
     *
     * @param requester  full JID
     * @param tokens     tokens
     * @param nodes      nodes (empty: all)
     * @param fields     field names (empty: all)
     * @param categories categories
     * @return the request
     */
    public static AccessRequest read(
            Jid requester, Tokens tokens, List<NodeRef> nodes, Set<String> fields, Set<FieldCategory> categories) {
        return new AccessRequest(Kind.READ, requester, tokens, nodes, fields, categories);
    }

    /**
     * A control request.
     *
     * @param requester  full JID
     * @param tokens     tokens
     * @param nodes      nodes (empty: all)
     * @param parameters parameter names (empty: all)
     * @return the request
     */
    public static AccessRequest control(Jid requester, Tokens tokens, List<NodeRef> nodes, Set<String> parameters) {
        return new AccessRequest(Kind.CONTROL, requester, tokens, nodes, parameters, Set.of());
    }
}

package io.github.xmppiot.discovery;

import java.util.List;

/**
 * The answer to a search (XEP-0347 §3.15): one page of things and whether more exist after it.
 *
 * @param things the things found on this page
 * @param more   true if a search with a larger {@code offset} returns more things
 * @since 0.1.0
 */
public record SearchResult(List<FoundThing> things, boolean more) {

    /**
     * Copies the list.
     */
    public SearchResult {
        things = List.copyOf(things);
    }
}

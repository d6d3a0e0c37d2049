package io.github.xmppiot.concentrator.request;

/**
 * Where to move nodes among their siblings: {@code moveNodeUp}/{@code moveNodesUp} or
 * {@code moveNodeDown}/{@code moveNodesDown} (XEP-0326 §3.7 "Move Node Up", "Move Node Down").
 *
 * @since 0.1.0
 */
public enum Direction {
    /** Towards the first sibling. */
    UP,
    /** Towards the last sibling. */
    DOWN
}

package io.github.xmppiot.discovery;

/**
 * The registry's answer to a Thing updating its meta tags (XEP-0347 §3.13).
 *
 * @since 0.1.0
 */
public enum UpdateOutcome {
    /** The tags were updated. */
    UPDATED,
    /** The Thing is registered but not claimed: it must not update, and should register again ({@code disowned}). */
    DISOWNED,
    /** The Thing is not in the registry (its owner removed it): stop updating and unfriend the registry. */
    NOT_FOUND
}

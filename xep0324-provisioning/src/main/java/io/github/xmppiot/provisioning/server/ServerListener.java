package io.github.xmppiot.provisioning.server;

/**
 * Events of a {@link ProvisioningServer}, for monitoring and for tests that wait on them. Called on the server's
 * background thread; implementations must return quickly. Every method has an empty default.
 *
 * @since 0.1.0
 */
public interface ServerListener {

    /**
     * A Thing acknowledged a {@code clearCache} (XEP-0324 §3.5.1) and is no longer owed one.
     *
     * @param thing the Thing's bare JID
     */
    default void clearCacheAcknowledged(String thing) {}

    /**
     * A service reported a login with {@code userLoggedIn} (XEP-0324 §3.6.2) and it was recorded.
     *
     * @param service  the service's bare JID
     * @param userName the user name
     */
    default void userLoggedIn(String service, String userName) {}
}

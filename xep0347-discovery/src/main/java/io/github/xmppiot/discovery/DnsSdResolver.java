package io.github.xmppiot.discovery;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Finds XMPP servers on the local network through DNS-SD (XEP-0347 §3.3.2): browses {@code _xmpp-client._tcp} and
 * resolves each instance's SRV and TXT records. {@link JmDnsResolver} does it with multicast DNS; tests and other
 * environments plug in their own.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface DnsSdResolver {

    /**
     * Browses for XMPP servers.
     *
     * @param timeout how long to listen for answers
     * @return the servers found (possibly none) when the time is up
     */
    CompletableFuture<List<XmppServerAdvert>> browse(Duration timeout);
}

package io.github.xmppiot.discovery;

import io.github.xmppiot.core.internal.OptionalDependency;
import io.github.xmppiot.discovery.internal.OneShot;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;

/**
 * A {@link DnsSdResolver} using multicast DNS through JmDNS (XEP-0347 §3.3.2). JmDNS ({@code org.jmdns:jmdns}) is an
 * optional dependency of this module: add it to the application to use this class.
 *
 * @since 0.1.0
 */
public final class JmDnsResolver implements DnsSdResolver {

    private final InetAddress address;
    private final Executor executor;

    /**
     * Creates a resolver bound to one network interface address.
     *
     * @param address  the local address to send and receive multicast on, or null for JmDNS's choice
     * @param executor runs the blocking browse (it takes up to the browse timeout); null runs it on the work pool of
     *                 {@link io.github.xmppiot.core.concurrent.IotExecutors#shared()}
     */
    public JmDnsResolver(InetAddress address, Executor executor) {
        OptionalDependency.require("javax.jmdns.JmDNS", "org.jmdns:jmdns", "JmDnsResolver");
        this.address = address;
        this.executor = executor;
    }

    /**
     * Creates a resolver on JmDNS's default interface, browsing on the work pool of
     * {@link io.github.xmppiot.core.concurrent.IotExecutors#shared()}.
     */
    public JmDnsResolver() {
        this(null, null);
    }

    @Override
    public CompletableFuture<List<XmppServerAdvert>> browse(Duration timeout) {
        return OneShot.supply(
                () -> {
                    try (JmDNS jmdns = address == null ? JmDNS.create() : JmDNS.create(address)) {
                        List<XmppServerAdvert> found = new ArrayList<>();
                        for (ServiceInfo info : jmdns.list(XmppServerAdvert.SERVICE_TYPE, timeout.toMillis())) {
                            found.add(toAdvert(info));
                        }
                        return found;
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                },
                executor);
    }

    /**
     * Converts a resolved JmDNS service.
     *
     * @param info the service
     * @return the advert
     */
    static XmppServerAdvert toAdvert(ServiceInfo info) {
        List<String> entries = new ArrayList<>();
        for (String key : Collections.list(info.getPropertyNames())) {
            String value = info.getPropertyString(key);
            entries.add(value == null ? key : key + "=" + value);
        }
        Map<String, String> txt = XmppServerAdvert.parseTxt(entries);
        return new XmppServerAdvert(info.getName(), info.getServer(), info.getPort(), txt);
    }
}

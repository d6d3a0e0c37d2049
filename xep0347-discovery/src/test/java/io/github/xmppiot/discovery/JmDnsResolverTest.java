package io.github.xmppiot.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;
import org.junit.jupiter.api.Test;

/**
 * {@link JmDnsResolver} (XEP-0347 §3.3.2) without the network: a service JmDNS announces on the loopback interface
 * (multicast on {@code lo}, which works in the build sandbox) is browsed, resolved and its TXT record interpreted
 * (keys case-insensitive); a service without resolved host is refused.
 */
class JmDnsResolverTest {

    private static Map<String, String> txt() {
        Map<String, String> txt = new LinkedHashMap<>();
        txt.put("txtvers", "1");
        txt.put("ordom", "example.org");
        txt.put("REGIS", "registry discovery");
        txt.put("provis", "provisioning");
        return txt;
    }

    @Test
    void aServiceWithoutResolvedHostIsNoAdvert() {
        ServiceInfo unresolved = ServiceInfo.create(XmppServerAdvert.SERVICE_TYPE, "xmpp-1", 5222, 0, 0, txt());
        assertThatThrownBy(() -> JmDnsResolver.toAdvert(unresolved))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host");
    }

    @Test
    void aServiceAnnouncedOnLoopbackIsFound() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (JmDNS announcer = JmDNS.create(loopback, "xmpp-server")) {
            announcer.registerService(
                    ServiceInfo.create(XmppServerAdvert.SERVICE_TYPE, "xmpp-loop", 5222, 0, 0, txt()));
            // The announcer answers once it has probed and announced (about 3 s), and a browse always lasts its whole
            // timeout: short browses, repeated until the service shows up, end soon after it is there.
            JmDnsResolver resolver = new JmDnsResolver(loopback, Runnable::run);
            List<XmppServerAdvert> found = List.of();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (found.isEmpty() && System.nanoTime() < deadline) {
                found = resolver.browse(Duration.ofSeconds(1)).get(30, TimeUnit.SECONDS);
            }
            assertThat(found).singleElement().satisfies(a -> {
                assertThat(a.instance()).isEqualTo("xmpp-loop");
                assertThat(a.port()).isEqualTo(5222);
                assertThat(a.txtVersion()).contains("1");
                assertThat(a.xmppDomain()).isEqualTo("example.org");
                assertThat(a.provisioningServers())
                        .extracting(Object::toString)
                        .containsExactly("provisioning@example.org");
                assertThat(a.registries())
                        .extracting(Object::toString)
                        .containsExactly("registry@example.org", "discovery@example.org");
            });
        }
    }
}

package io.github.xmppiot.discovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * An XMPP server found on the local network through DNS-SD (XEP-0347 §3.3.2 "Multicast DNS (mDNS) and DNS Service
 * Discovery (DNS-SD)"): the {@code _xmpp-client._tcp} service instance, its SRV target and port, and the meaning of its
 * TXT record keys {@code txtvers}, {@code ordom}, {@code regis} and {@code provis} (XEP-0347 §3.3.2.2).
 *
 * @param instance the service instance name, e.g. {@code pronto}
 * @param host     the SRV target host, e.g. {@code pronto.local}
 * @param port     the SRV port, e.g. 5222
 * @param txt      the TXT record, keys in lower case (DNS-SD keys are case-insensitive), values as given
 * @since 0.1.0
 */
public record XmppServerAdvert(String instance, String host, int port, Map<String, String> txt) {

    /** The DNS-SD service type of XMPP client connections. */
    public static final String SERVICE_TYPE = "_xmpp-client._tcp.local.";

    /**
     * Validates and copies the record.
     *
     * @throws IllegalArgumentException if the port is not 1..65535 or the host is blank
     */
    public XmppServerAdvert {
        Objects.requireNonNull(instance, "instance");
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is missing");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Map<String, String> m = new LinkedHashMap<>();
        txt.forEach((k, v) -> m.put(k.toLowerCase(Locale.ROOT), v));
        txt = Collections.unmodifiableMap(m);
    }

    /**
     * Reads TXT record strings ({@code key=value}; a string without {@code =} is a key with an empty value, RFC 6763
     * §6.3). Surrounding white space and double quotes, as in zone-file notation, are removed; the first occurrence of
     * a key wins (RFC 6763 §6.4).
     *
     * @param entries the character strings of the TXT record
     * @return the keys (lower case) and values, in order
     */
    public static Map<String, String> parseTxt(List<String> entries) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String raw : entries) {
            String e = raw.strip();
            if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")) {
                e = e.substring(1, e.length() - 1);
            }
            if (e.isEmpty() || e.startsWith("=")) {
                continue;
            }
            int eq = e.indexOf('=');
            String key = (eq < 0 ? e : e.substring(0, eq)).toLowerCase(Locale.ROOT);
            m.putIfAbsent(key, eq < 0 ? "" : e.substring(eq + 1));
        }
        return m;
    }

    /**
     * The TXT record version ({@code txtvers}).
     *
     * @return the version, if given
     */
    public Optional<String> txtVersion() {
        return Optional.ofNullable(txt.get("txtvers"));
    }

    /**
     * The XMPP domain of the service: {@code ordom} (the "origin domain") if given, else the host name without a
     * trailing dot.
     *
     * @return the domain
     */
    public String xmppDomain() {
        String ordom = txt.get("ordom");
        if (ordom != null && !ordom.isBlank()) {
            return ordom.strip();
        }
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /**
     * The Thing Registries the server announces ({@code regis}: space-separated user names on {@link #xmppDomain()}).
     *
     * @return the registry JIDs, in order; empty if none or none is a valid JID
     */
    public List<BareJid> registries() {
        return jids("regis");
    }

    /**
     * The provisioning servers the server announces ({@code provis}: space-separated user names on
     * {@link #xmppDomain()}, XEP-0347 §3.11).
     *
     * @return the provisioning server JIDs, in order
     */
    public List<BareJid> provisioningServers() {
        return jids("provis");
    }

    private List<BareJid> jids(String key) {
        String v = txt.get(key);
        List<BareJid> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        for (String user : Arrays.asList(v.strip().split("\\s+"))) {
            if (user.isEmpty()) {
                continue;
            }
            try {
                out.add(user.contains("@") ? JidCreate.bareFrom(user) : JidCreate.bareFrom(user + "@" + xmppDomain()));
            } catch (XmppStringprepException | IllegalArgumentException e) {
                // an unusable name is skipped; the others stay usable
            }
        }
        return out;
    }
}

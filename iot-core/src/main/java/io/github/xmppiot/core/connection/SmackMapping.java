package io.github.xmppiot.core.connection;

import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SASLAuthentication;
import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.minidns.util.InetAddressUtil;

/** Maps an {@link IotConnectionConfig} onto Smack's configuration classes. */
final class SmackMapping {

    private SmackMapping() {}

    @SuppressWarnings("deprecation") // getVersion() is Smack 4.4's public way to force SmackInitialization
    static List<String> saslMechanisms(boolean plainSasl) {
        SmackConfiguration.getVersion(); // makes sure Smack has registered its mechanisms
        List<String> wanted = new ArrayList<>(IotConnectionConfig.SCRAM_MECHANISMS);
        if (plainSasl) {
            wanted.add(IotConnectionConfig.PLAIN_MECHANISM);
        }
        wanted.removeIf(m -> !SASLAuthentication.isSaslMechanismRegistered(m));
        if (wanted.isEmpty()) {
            throw new IllegalStateException("The Smack runtime implements none of the SASL mechanisms "
                    + IotConnectionConfig.SCRAM_MECHANISMS + "; is smack-core on the class path?");
        }
        return List.copyOf(wanted);
    }

    static XMPPTCPConnectionConfiguration.Builder toBuilder(IotConnectionConfig c) {
        XMPPTCPConnectionConfiguration.Builder b = XMPPTCPConnectionConfiguration.builder()
                .setXmppAddressAndPassword(c.jid(), c.password())
                .setSocketFactory(new TcpNoDelaySocketFactory())
                .setConnectTimeout((int) c.connectTimeout().toMillis())
                .setSendPresence(c.sendPresence())
                .setSecurityMode(c.tls() ? SecurityMode.required : SecurityMode.disabled)
                .addEnabledSaslMechanism(c.saslMechanisms());
        c.resource().ifPresent(b::setResource);
        if (c.host().isPresent()) {
            String host = c.host().get();
            if (InetAddressUtil.isIpAddress(host)) {
                b.setHostAddress(InetAddressUtil.convertToInetAddressIfPossible(host));
            } else {
                b.setHost(host);
            }
            b.setPort(c.port().orElse(IotConnectionConfig.DEFAULT_PORT));
        } else {
            c.port().ifPresent(b::setPort);
        }
        c.trustManager().ifPresent(b::setCustomX509TrustManager);
        return b;
    }
}

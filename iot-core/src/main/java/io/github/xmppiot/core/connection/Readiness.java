package io.github.xmppiot.core.connection;

import org.jivesoftware.smack.SmackException.NotConnectedException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.PresenceBuilder;

/**
 * Available only when ready: a device, hub or service shows itself as available (RFC 6121 §4.2 initial presence,
 * with its XEP-0115 capabilities) only after every handler and disco feature it offers is in place, so a client that
 * reacts to the first available presence gets real answers instead of {@code feature-not-implemented}.
 *
 * <pre>{@code
 * XMPPTCPConnection c = IotConnection.create(config);
 * Readiness.holdPresence(c);            // before login: Smack's initial presence is withheld
 * c.connect().login();
 * SensorDataServer.getInstanceFor(c).update(b -> b.things(things));
 * ControlServer.getInstanceFor(c).update(s -> s.things(things));
 * Readiness.announce(c);                // now available, with the complete feature set
 * }</pre>
 *
 * <p>Alternatively build the configuration with {@code sendPresence(false)} and call {@link #announce} when ready.
 */
public final class Readiness {

    private Readiness() {}

    /**
     * Withholds the connection's available presence until {@link #announce}.
     *
     * @param connection a connection created by {@link IotConnection} (an {@link IotTcpConnection})
     * @throws IllegalArgumentException if it is another kind of connection; create it with
     *                                  {@link IotConnection#create} or build it with {@code sendPresence(false)}
     */
    public static void holdPresence(XMPPConnection connection) {
        if (!(connection instanceof IotTcpConnection c)) {
            throw new IllegalArgumentException(
                    "Cannot withhold the presence of a " + connection.getClass().getName()
                            + ": create the connection with IotConnection.create(config), or build the configuration with"
                            + " sendPresence(false) and call Readiness.announce when ready");
        }
        c.withholdPresence();
    }

    /**
     * Sends available presence now that everything is in place (releases a presence withheld by
     * {@link #holdPresence}; on other connections sends a plain available presence).
     *
     * @param connection the logged-in connection
     * @throws NotConnectedException if it is not connected
     * @throws InterruptedException  if the thread is interrupted
     */
    public static void announce(XMPPConnection connection) throws NotConnectedException, InterruptedException {
        if (connection instanceof IotTcpConnection c) {
            c.announce();
        } else {
            connection.sendStanza(PresenceBuilder.buildPresence()
                    .ofType(Presence.Type.available)
                    .build());
        }
    }
}

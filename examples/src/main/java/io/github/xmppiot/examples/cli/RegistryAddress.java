package io.github.xmppiot.examples.cli;

import io.github.xmppiot.discovery.OwnerDiscoveryManager;
import org.jivesoftware.smack.XMPPConnection;
import org.jxmpp.jid.Jid;
import picocli.CommandLine.Option;

/** The {@code --registry} option of the commands talking to a thing registry (XEP-0347). */
public final class RegistryAddress {

    @Option(
            names = "--registry",
            paramLabel = "JID",
            order = 50,
            description =
                    "Thing registry (XEP-0347)." + " Default: the registry the server advertises (XEP-0347 §3.5).")
    private String registry;

    /**
     * The owner side of discovery on a connection, pointed at the registry.
     *
     * @param connection the logged-in connection
     * @return the manager
     * @throws CliException with {@link CliException#BAD_INPUT} if {@code --registry} is not a JID
     */
    public OwnerDiscoveryManager owner(XMPPConnection connection) {
        OwnerDiscoveryManager m = OwnerDiscoveryManager.getInstanceFor(connection);
        Jid jid = jid();
        if (jid != null) {
            m.update(b -> b.registry(jid));
        }
        return m;
    }

    /**
     * The registry given on the command line.
     *
     * @return the JID, or null if none was given
     * @throws CliException with {@link CliException#BAD_INPUT} if it is not a JID
     */
    public Jid jid() {
        return registry == null ? null : Session.jid(registry, "--registry");
    }
}

package io.github.xmppiot.provisioning;

import io.github.xmppiot.provisioning.element.CanAccess;
import io.github.xmppiot.provisioning.element.CanAccessResponse;
import io.github.xmppiot.provisioning.element.Credential;
import io.github.xmppiot.provisioning.element.DownloadPrivileges;
import io.github.xmppiot.provisioning.element.DownloadPrivilegesResponse;
import io.github.xmppiot.provisioning.element.HasPrivilege;
import io.github.xmppiot.provisioning.element.HasPrivilegeResponse;
import io.github.xmppiot.provisioning.element.UserLoggedIn;
import io.github.xmppiot.provisioning.internal.Iqs;
import io.github.xmppiot.provisioning.provider.ProvisioningProviders;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import org.jivesoftware.smack.Manager;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jxmpp.jid.Jid;

/**
 * The service side of XEP-0324 (§3.6 "Services", §3.7 "User privileges"): a service asks the provisioning server
 * whether a connecting user may use it ({@code canAccess}), reports logins ({@code userLoggedIn}), checks single
 * privileges ({@code hasPrivilege}) or downloads a user's whole privilege list ({@code downloadPrivileges}) and
 * evaluates it locally with {@link PrivilegeSet#isGranted}. The service token is obtained with
 * {@link ProvisioningClient#requestToken} (§3.6.1: the same flow as device tokens).
 *
 * <p>It only sends requests and registers no handler, listener or thread, so it has no settings; {@link #close()}
 * forgets the instance, and a later {@link #getInstanceFor} returns a fresh one.
 *
 * @since 0.1.0
 */
public final class ProvisioningServiceClient extends Manager implements AutoCloseable {

    private static final Map<XMPPConnection, ProvisioningServiceClient> INSTANCES = new WeakHashMap<>();

    static {
        ProvisioningProviders.register();
    }

    /**
     * The answer to {@code canAccess} (XEP-0324 §3.6.2).
     *
     * @param granted   whether the user may use the service
     * @param userToken the user token to send in later calls, if granted
     */
    public record Access(boolean granted, Optional<String> userToken) {}

    private ProvisioningServiceClient(XMPPConnection connection) {
        super(connection);
    }

    /**
     * The instance for a connection.
     *
     * @param connection the service's connection
     * @return the instance
     */
    public static synchronized ProvisioningServiceClient getInstanceFor(XMPPConnection connection) {
        return INSTANCES.computeIfAbsent(connection, ProvisioningServiceClient::new);
    }

    /**
     * Asks whether a connecting user may use the service (XEP-0324 §3.6.2).
     *
     * @param server       the provisioning server
     * @param serviceToken the service token(s), space separated
     * @param credentials  what the service knows about the user's connection
     * @return the answer
     */
    public CompletableFuture<Access> canAccess(Jid server, String serviceToken, List<Credential> credentials) {
        CanAccess q = new CanAccess(serviceToken, credentials);
        q.setTo(address(server));
        return Iqs.request(connection(), q, CanAccessResponse.class)
                .thenApply(r -> new Access(r.result(), Optional.ofNullable(r.userToken())));
    }

    /**
     * Tells the provisioning server that a user logged in (XEP-0324 §3.6.2); a message, so nothing is answered.
     *
     * @param server       the provisioning server
     * @param serviceToken the service token
     * @param userToken    the user token from {@link #canAccess}
     * @param userName     the user name
     * @return a stage completing when the message is sent
     */
    public CompletableFuture<Void> userLoggedIn(Jid server, String serviceToken, String userToken, String userName) {
        Message m = connection()
                .getStanzaFactory()
                .buildMessageStanza()
                .to(address(server))
                .addExtension(new UserLoggedIn(serviceToken, userToken, userName))
                .build();
        try {
            connection().sendStanza(m);
            return CompletableFuture.completedFuture(null);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Asks whether a user holds a privilege (XEP-0324 §3.7.1).
     *
     * @param server       the provisioning server
     * @param serviceToken the service token
     * @param userToken    the user token
     * @param privilegeId  the full privilege id
     * @return whether it is granted
     */
    public CompletableFuture<Boolean> hasPrivilege(
            Jid server, String serviceToken, String userToken, String privilegeId) {
        HasPrivilege q = new HasPrivilege(serviceToken, userToken, privilegeId);
        q.setTo(address(server));
        return Iqs.request(connection(), q, HasPrivilegeResponse.class).thenApply(HasPrivilegeResponse::result);
    }

    /**
     * Downloads a user's ordered privilege list (XEP-0324 §3.7.2), to be evaluated locally.
     *
     * @param server       the provisioning server
     * @param serviceToken the service token
     * @param userToken    the user token
     * @return the privileges
     */
    public CompletableFuture<PrivilegeSet> downloadPrivileges(Jid server, String serviceToken, String userToken) {
        DownloadPrivileges q = new DownloadPrivileges(serviceToken, userToken);
        q.setTo(address(server));
        return Iqs.request(connection(), q, DownloadPrivilegesResponse.class)
                .thenApply(r -> new PrivilegeSet(r.rules()));
    }

    /** Forgets this instance for its connection (nothing else to undo: it holds no handler or thread). Idempotent. */
    @Override
    public void close() {
        synchronized (ProvisioningServiceClient.class) {
            XMPPConnection connection = connection();
            if (INSTANCES.get(connection) == this) {
                INSTANCES.remove(connection);
            }
        }
    }

    private Jid address(Jid server) {
        if (!server.hasLocalpart() || server.hasResource()) {
            return server;
        }
        Presence p = Roster.getInstanceFor(connection()).getPresence(server.asBareJid());
        return p.isAvailable() && p.getFrom() != null ? p.getFrom() : server;
    }
}

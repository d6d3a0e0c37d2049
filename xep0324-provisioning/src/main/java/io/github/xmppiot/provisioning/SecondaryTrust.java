package io.github.xmppiot.provisioning;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/**
 * What a provisioned Thing may do on its own (XEP-0324 §3.1.4 "Delegating Secondary Trust"): every
 * {@code isFriendResponse} says whether its server allows the Thing to add friends or further trust relationships
 * (default: no). Secondary trust is allowed if a trusted server allowed it in its latest answer (§5.3: the most
 * forgiving answer; a server that wants total control must not allow it).
 *
 * <p>Without secondary trust the Thing accepts only the friendships its servers approve and refuses to trust further
 * provisioning servers ({@link ProvisioningClient#trust} fails with a {@link SecurityException}). With it, a
 * {@link LocalFriendshipApprover} may accept friendships the servers rejected, and more servers may be trusted.
 *
 * <p>A server's setting is forgotten when it clears the Thing's cache (its rules changed) and learnt again from its
 * next {@code isFriendResponse}; {@link #refresh()} asks at once. Settings are not persisted: after a restart the
 * Thing assumes no secondary trust until a server says otherwise.
 *
 * @since 0.1.0
 */
public final class SecondaryTrust {

    private final ProvisioningClient client;
    private final Map<BareJid, Boolean> allowedBy = new ConcurrentHashMap<>();

    SecondaryTrust(ProvisioningClient client) {
        this.client = client;
    }

    /**
     * Whether the Thing may add friends and trust relationships on its own (XEP-0324 §3.1.4, §5.3).
     *
     * @return true if a trusted server allowed it in its latest {@code isFriendResponse}
     */
    public boolean isAllowed() {
        return client.servers().stream().anyMatch(s -> allowedBy.getOrDefault(s.asBareJid(), false));
    }

    /**
     * The latest setting of one server.
     *
     * @param server a provisioning server
     * @return its setting, empty if it has not answered an {@code isFriend} since its last {@code clearCache}
     */
    public Optional<Boolean> allowedBy(Jid server) {
        return Optional.ofNullable(allowedBy.get(server.asBareJid()));
    }

    /**
     * Asks every trusted server again (an {@code isFriend} about the Thing's own JID, whose answer carries the
     * setting).
     *
     * @return {@link #isAllowed()} once all servers answered or failed
     */
    public CompletableFuture<Boolean> refresh() {
        Jid self = client.self();
        if (self == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("not logged in"));
        }
        return client.isFriend(self.asBareJid()).thenApply(ignored -> isAllowed());
    }

    void record(Jid server, boolean allowed) {
        allowedBy.put(server.asBareJid(), allowed);
    }

    void forget(Jid server) {
        allowedBy.remove(server.asBareJid());
    }

    /** A friendship the servers rejected: accepted only with secondary trust and the local approver's consent. */
    CompletableFuture<Boolean> approveLocally(BareJid requester) {
        LocalFriendshipApprover a = client.settings().localApprover();
        if (a == null || !isAllowed()) {
            return CompletableFuture.completedFuture(false);
        }
        return a.approve(requester).toCompletableFuture().exceptionally(e -> false);
    }
}

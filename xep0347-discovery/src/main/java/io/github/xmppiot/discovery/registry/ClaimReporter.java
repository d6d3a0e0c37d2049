package io.github.xmppiot.discovery.registry;

import io.github.xmppiot.discovery.internal.AsyncIq;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterListener;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.packet.AdHocCommandData;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/**
 * Tells a provisioning server (XEP-0324) who claimed a Thing through the {@link ThingRegistry} (XEP-0347 §3.9
 * "Claiming ownership of public Thing"), so that the owner's rights there follow the claim. Install it with
 * {@link ThingRegistrySettings#claimReporter()}; the registry calls it after the claim is committed and before
 * it answers the owner. A report that fails (the server is offline, does not trust this registry, or does not answer
 * within the timeout) is logged; the claim at the registry stands and the report is not retried, so the owner can
 * still claim at the provisioning server with the claim string.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ClaimReporter {

    /** The XEP-0050 command node of the provisioning server's claim command (XEP-0324 owner commands). */
    String CLAIM_COMMAND = "urn:xmpp:iot:provisioning:claim";

    /**
     * Reports a claim.
     *
     * @param thing the claimed Thing's bare JID
     * @param owner the owner's bare JID
     * @return completes when the provisioning server accepted the report; fails otherwise
     */
    CompletionStage<Void> claimed(BareJid thing, BareJid owner);

    /**
     * Reports claims to the provisioning server of this SDK (module xep0324-provisioning) through its claim command
     * ({@value #CLAIM_COMMAND}, fields {@code thing} and {@code owner}); the server accepts the report only if it
     * trusts this registry's bare JID ({@code ServerOptions.trustedRegistry}, CLI {@code provisioning
     * --trusted-registry}). A server on an account is subscribed to here, and a report is sent to the full JID under
     * which it is online; a report waits at most {@code timeout} for it to come online and answer.
     *
     * @param connection the registry's connection (logged in)
     * @param server     the provisioning server's JID: a full JID, or a bare JID whose presence is followed
     * @param timeout    the longest a report may take
     * @return the reporter
     */
    static ClaimReporter provisioningServer(XMPPConnection connection, Jid server, Duration timeout) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(timeout, "timeout");
        Roster roster = Roster.getInstanceFor(connection);
        subscribe(connection, roster, server, false);
        return (thing, owner) -> online(connection, roster, server, timeout)
                .thenCompose(to -> {
                    DataForm form = DataForm.builder(DataForm.Type.submit)
                            .addField(FormField.jidSingleBuilder("thing")
                                    .setValue(thing)
                                    .build())
                            .addField(FormField.jidSingleBuilder("owner")
                                    .setValue(owner)
                                    .build())
                            .build();
                    AdHocCommandData command = new AdHocCommandData();
                    command.setType(IQ.Type.set);
                    command.setTo(to);
                    command.setNode(CLAIM_COMMAND);
                    command.setAction(AdHocCommand.Action.execute);
                    command.setForm(form);
                    return AsyncIq.send(connection, command, timeout);
                })
                .thenApply(iq -> null);
    }

    /**
     * Asks to see the server's presence unless already allowed. With {@code renew}, a request still pending is
     * withdrawn and sent again: a request that reached the server while it was starting (registry and server come up
     * in any order) may have gone unanswered, and XMPP servers do not deliver a duplicate of a pending request.
     */
    private static void subscribe(XMPPConnection connection, Roster roster, Jid server, boolean renew) {
        if (server.hasResource() || !server.hasLocalpart() || roster.iAmSubscribedTo(server)) {
            return;
        }
        try {
            if (renew) {
                connection.sendStanza(connection
                        .getStanzaFactory()
                        .buildPresenceStanza()
                        .ofType(Presence.Type.unsubscribe)
                        .to(server.asBareJid())
                        .build());
            }
            roster.sendSubscriptionRequest(server.asBareJid());
        } catch (Exception e) {
            throw new IllegalStateException(
                    "cannot subscribe to the presence of the provisioning server " + server + "; log in first: " + e,
                    e);
        }
    }

    /** The full JID under which the server is online, waiting at most {@code timeout} for it. */
    private static CompletableFuture<Jid> online(
            XMPPConnection connection, Roster roster, Jid server, Duration timeout) {
        if (server.hasResource() || !server.hasLocalpart()) {
            return CompletableFuture.completedFuture(server);
        }
        CompletableFuture<Jid> seen = new CompletableFuture<>();
        RosterListener listener = new RosterListener() {
            @Override
            public void entriesAdded(Collection<Jid> addresses) {}

            @Override
            public void entriesUpdated(Collection<Jid> addresses) {}

            @Override
            public void entriesDeleted(Collection<Jid> addresses) {}

            @Override
            public void presenceChanged(Presence presence) {
                if (presence.isAvailable()
                        && presence.getFrom() != null
                        && presence.getFrom().asBareJid().equals(server.asBareJid())) {
                    seen.complete(presence.getFrom());
                }
            }
        };
        roster.addRosterListener(listener);
        Presence p = roster.getPresence(server.asBareJid());
        if (p == null || !p.isAvailable()) {
            try {
                subscribe(connection, roster, server, true);
            } catch (IllegalStateException e) {
                roster.removeRosterListener(listener);
                return CompletableFuture.failedFuture(e);
            }
        }
        if (p != null && p.isAvailable() && p.getFrom() != null && p.getFrom().hasResource()) {
            seen.complete(p.getFrom());
        }
        return seen.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((jid, e) -> roster.removeRosterListener(listener));
    }
}

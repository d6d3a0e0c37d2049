package io.github.xmppiot.provisioning;

import static io.github.xmppiot.provisioning.World.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.provisioning.server.ProvisioningServer;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.AbstractPresenceEventListener;
import org.jivesoftware.smack.roster.PresenceEventListener;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.FullJid;

/**
 * A Thing and its provisioning server (an XMPP account, configured by bare JID) start in any order: a Thing started
 * while the server is offline refuses what it cannot decide and waits, is provisioned once the server's presence
 * appears, and keeps being provisioned after the server restarts with another resource (RFC 6120 §10.5.4: requests
 * go to the full JID learned from presence).
 */
@ProsodyTest
class ServerInAnyOrderIT {

    @TempDir
    Path dir;

    @AfterEach
    void closeWorlds() {
        World.closeAll();
    }

    /** Waits until the Thing's roster shows the server's new full JID as available (its presence has arrived). */
    private static void awaitPresence(XMPPTCPConnection thing, XMPPTCPConnection server) throws Exception {
        Roster roster = Roster.getInstanceFor(thing);
        CompletableFuture<Void> seen = new CompletableFuture<>();
        PresenceEventListener listener = new AbstractPresenceEventListener() {
            @Override
            public void presenceAvailable(FullJid address, Presence presence) {
                if (address.equals(server.getUser())) {
                    seen.complete(null);
                }
            }
        };
        roster.addPresenceEventListener(listener);
        try {
            if (roster.getAvailablePresences(server.getUser().asBareJid()).stream()
                    .anyMatch(p -> server.getUser().equals(p.getFrom()))) {
                seen.complete(null);
            }
            await(seen);
        } finally {
            roster.removePresenceEventListener(listener);
        }
    }

    @Test
    void aThingStartedBeforeItsServerIsProvisionedOnceTheServerAppearsAndAfterItRestarts(ProsodyServer prosody)
            throws Exception {
        World w = World.create(prosody, dir, "order");
        w.readRule(w.jid("client").toString(), List.of(), List.of("Temperature"));
        AccessRequest read = AccessRequest.read(
                w.client.getUser(),
                Tokens.NONE,
                List.of(),
                Set.of("Temperature", "Humidity"),
                Set.of(FieldCategory.MOMENTARY));
        AccessDecision provisioned = AccessDecision.allowOnly(List.of(), Set.of("Temperature"));

        // power cut: both go down; the Thing comes back first
        w.stopThing();
        w.server.close();
        w.provisioning.disconnect();
        w.connectThing(null);
        CompletableFuture<Void> trusted = w.thingClient.trust(w.serverBareJid());
        w.cache.clear();
        assertThat(await(w.thingClient.accessPolicy().decide(read)))
                .as("undecidable while the server is away")
                .isEqualTo(AccessDecision.deny());
        assertThat(trusted).isNotDone();
        assertThat(w.thing.isConnected()).isTrue();

        // the server comes up, with another resource than before
        XMPPTCPConnection first = prosody.connect(w.prefix + "-prov", "after-power-cut");
        w.server = ProvisioningServer.start(first, w.store);
        await(trusted);
        w.cache.clear();
        assertThat(await(w.thingClient.accessPolicy().decide(read))).isEqualTo(provisioned);

        // and restarts once more with yet another resource
        w.server.close();
        first.disconnect();
        XMPPTCPConnection second = prosody.connect(w.prefix + "-prov", "restarted");
        w.server = ProvisioningServer.start(second, w.store);
        awaitPresence(w.thing, second);
        w.cache.clear();
        AccessDecision afterRestart = await(w.thingClient.accessPolicy().decide(read));
        assertThat(afterRestart).isEqualTo(provisioned);
    }
}

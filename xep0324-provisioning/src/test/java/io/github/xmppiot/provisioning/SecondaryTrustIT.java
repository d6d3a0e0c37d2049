package io.github.xmppiot.provisioning;

import static io.github.xmppiot.provisioning.World.await;
import static io.github.xmppiot.provisioning.World.subscriptionAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.provisioning.server.JdbcProvisioningStore;
import io.github.xmppiot.provisioning.server.ProvisioningServer;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.BareJid;

/** XEP-0324 §3.1.4 secondary trust on a real Prosody: set by the owner, sent in isFriendResponse, honoured by the Thing. */
@ProsodyTest(logLevel = "info")
class SecondaryTrustIT {

    @TempDir
    Path dir;

    @AfterEach
    void closeWorlds() {
        World.closeAll();
    }

    /** An approver that accepts everyone and records whom it was asked about. */
    private static List<BareJid> approveEveryone(World w) {
        List<BareJid> asked = new CopyOnWriteArrayList<>();
        w.thingClient.update(b -> b.localApprover(requester -> {
            asked.add(requester);
            return CompletableFuture.completedFuture(true);
        }));
        return asked;
    }

    @Test
    void withoutSecondaryTrustTheServerDecidesAloneAndNoFurtherServerIsTrusted(ProsodyServer prosody) throws Exception {
        World w = World.create(prosody, dir, "nost");
        List<BareJid> asked = approveEveryone(w);
        CompletableFuture<Boolean> answer = subscriptionAnswer(w.stranger, w.jid("thing"));
        Roster.getInstanceFor(w.stranger).sendSubscriptionRequest(w.jid("thing"));
        assertThat(await(answer)).isFalse();
        assertThat(asked).isEmpty();
        assertThat(w.thingClient.secondaryTrust().allowedBy(w.serverBareJid())).contains(false);
        assertThat(w.thingClient.isSecondaryTrustAllowed()).isFalse();

        assertThatThrownBy(() -> await(w.thingClient.trust(w.jid("client"))))
                .hasCauseInstanceOf(SecurityException.class);
        assertThat(w.thingClient.servers()).containsExactly(w.serverBareJid());
    }

    @Test
    void withSecondaryTrustTheLocalApproverMayAcceptUntilTheOwnerRevokesIt(ProsodyServer prosody) throws Exception {
        World w = World.create(prosody, dir, "st");
        List<BareJid> asked = approveEveryone(w);
        w.secondaryTrust(true);
        assertThat(w.thingClient.secondaryTrust().allowedBy(w.serverBareJid())).isEmpty(); // forgotten on clearCache
        assertThat(await(w.thingClient.secondaryTrust().refresh())).isTrue();

        CompletableFuture<Boolean> answer = subscriptionAnswer(w.stranger, w.jid("thing"));
        Roster.getInstanceFor(w.stranger).sendSubscriptionRequest(w.jid("thing"));
        assertThat(await(answer)).isTrue();
        assertThat(asked).containsExactly(w.jid("stranger"));

        XMPPTCPConnection second = prosody.connect("st-prov2");
        try (JdbcProvisioningStore store2 = JdbcProvisioningStore.h2(dir.resolve("st-rules2"));
                ProvisioningServer server2 = ProvisioningServer.start(second, store2)) {
            await(w.thingClient.trust(second.getUser().asBareJid()));
            assertThat(w.thingClient.servers()).hasSize(2);

            w.secondaryTrust(false);
            assertThat(await(w.thingClient.secondaryTrust().refresh())).isFalse();
            CompletableFuture<Boolean> refused = subscriptionAnswer(w.client, w.jid("thing"));
            Roster.getInstanceFor(w.client).sendSubscriptionRequest(w.jid("thing"));
            assertThat(await(refused)).isFalse();
            assertThat(asked).containsExactly(w.jid("stranger"));
        }
    }
}

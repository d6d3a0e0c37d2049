package io.github.xmppiot.provisioning;

import static io.github.xmppiot.provisioning.World.await;
import static io.github.xmppiot.provisioning.World.subscriptionAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.provisioning.server.OwnerCommands;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jivesoftware.smack.roster.Roster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.BareJid;

/**
 * XEP-0324 §3.2.3/§3.2.4 on a real Prosody: the provisioning server recommends new friendships with {@code friend}
 * and sends {@code unfriend} only about JIDs the Thing asked about.
 */
@ProsodyTest(logLevel = "info")
class FriendOrdersIT {

    @TempDir
    Path dir;

    @AfterEach
    void closeWorlds() {
        World.closeAll();
    }

    private static void friendship(World w, String role, boolean allow) throws Exception {
        w.command(
                w.owner,
                OwnerCommands.FRIENDSHIP,
                Map.of(
                        OwnerCommands.FIELD_THING,
                        w.jid("thing").toString(),
                        OwnerCommands.FIELD_JID,
                        w.jid(role).toString(),
                        OwnerCommands.FIELD_ALLOW,
                        allow));
    }

    @Test
    void unfriendGoesOnlyToThingsThatAskedAndNewFriendshipsAreRecommended(ProsodyServer prosody) throws Exception {
        World w = World.create(prosody, dir, "ord");
        List<String> orders = new CopyOnWriteArrayList<>();
        CompletableFuture<BareJid> recommended = new CompletableFuture<>();
        CompletableFuture<BareJid> unfriended = new CompletableFuture<>();
        w.thingClient.addListener(new ProvisioningListener() {
            @Override
            public void friendRequested(BareJid jid) {
                orders.add("friend " + jid);
                recommended.complete(jid);
            }

            @Override
            public void unfriended(BareJid former) {
                orders.add("unfriend " + former);
                unfriended.complete(former);
            }
        });

        // the Thing never asked about the stranger: forbidding it sends nothing; the next order is the recommendation
        friendship(w, "stranger", false);
        friendship(w, "client", true);
        assertThat(await(recommended).toString()).isEqualTo(w.jid("client").toString());
        assertThat(orders).containsExactly("friend " + w.jid("client"));

        // now the Thing asks about the stranger (and is told no); forbidding it again sends unfriend
        CompletableFuture<Boolean> answer = subscriptionAnswer(w.stranger, w.jid("thing"));
        Roster.getInstanceFor(w.stranger).sendSubscriptionRequest(w.jid("thing"));
        assertThat(await(answer)).isFalse();
        friendship(w, "stranger", false);
        assertThat(await(unfriended).toString()).isEqualTo(w.jid("stranger").toString());
        assertThat(orders).containsExactly("friend " + w.jid("client"), "unfriend " + w.jid("stranger"));
    }
}

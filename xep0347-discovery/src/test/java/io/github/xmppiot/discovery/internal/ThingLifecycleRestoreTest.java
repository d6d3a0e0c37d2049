package io.github.xmppiot.discovery.internal;

import static io.github.xmppiot.core.meta.MetaTag.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.meta.MetaTag;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** After a reconnect with a fresh session, registrations that await their claim are sent again (XEP-0347 §3.6). */
class ThingLifecycleRestoreTest {

    private static final NodeRef WAITING = NodeRef.of("waiting", "src");
    private static final NodeRef SELF = NodeRef.of("self", "src");
    private static final NodeRef CLAIMED = NodeRef.of("claimed", "src");

    @Test
    void unclaimedAndSelfOwnedNodesAreRegisteredAgainWithTheSameTags() {
        ThingLifecycleTest.FakeWire wire = new ThingLifecycleTest.FakeWire();
        ThingLifecycle life = new ThingLifecycle(wire, new ThingLifecycleTest.FakeFriends(), List.of());
        List<MetaTag> waitingTags = List.of(str("SN", "1"), str("KEY", "k1"));
        List<MetaTag> selfTags = List.of(str("SN", "2"));
        life.register(waitingTags, WAITING, false).join();
        life.register(selfTags, SELF, true).join();
        life.register(List.of(str("SN", "3"), str("KEY", "k3")), CLAIMED, false).join();
        life.onClaimed(JidCreate.bareFromOrThrowUnchecked("owner@example.org"), CLAIMED, true);
        wire.sent.clear();
        wire.registered.clear();

        life.registerAgain().join();

        assertThat(wire.sent).containsExactlyInAnyOrder("register " + WAITING, "register " + SELF);
        assertThat(wire.registered).containsExactlyInAnyOrder(waitingTags, selfTags);
        assertThat(life.state(WAITING).phase()).isEqualTo(ThingLifecycle.Phase.AWAITING_CLAIM);
        assertThat(life.state(SELF).phase()).isEqualTo(ThingLifecycle.Phase.SELF_OWNED);
        assertThat(life.state(CLAIMED).phase()).isEqualTo(ThingLifecycle.Phase.CLAIMED);
    }
}

package io.github.xmppiot.discovery;

import static io.github.xmppiot.core.meta.MetaTag.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.discovery.element.Claimed;
import io.github.xmppiot.discovery.element.Search;
import java.util.List;
import org.jivesoftware.smack.DummyConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.TopLevelStreamElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/** The settings, executors and lifecycle of the Thing and owner managers (docs/CONVENTIONS.md "Managers"). */
class DiscoveryManagersTest {

    private static final Jid R1 = JidCreate.domainBareFromOrThrowUnchecked("discovery.example.org");
    private static final Jid R2 = JidCreate.domainBareFromOrThrowUnchecked("registry2.example.org");
    private static final Jid OWNER = JidCreate.bareFromOrThrowUnchecked("owner@example.org");

    private final DummyConnection connection = connected();

    private static DummyConnection connected() {
        try {
            return DummyConnection.newConnectedDummyConnection();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void close() {
        ThingDiscoveryManager.getInstanceFor(connection).close();
        OwnerDiscoveryManager.getInstanceFor(connection).close();
        connection.disconnect();
    }

    /** The next stanza of a type that was sent, skipping what Smack sends on its own (roster, presence). */
    private <T extends Stanza> T sent(Class<T> type) {
        while (true) {
            TopLevelStreamElement s = connection.getSentPacket();
            assertThat(s).as("a " + type.getSimpleName() + " was sent").isNotNull();
            if (type.isInstance(s)) {
                return type.cast(s);
            }
        }
    }

    @Test
    void thingSettingsHaveDocumentedDefaultsAndABuilderThatCopies() {
        ThingDiscoveryManagerSettings d = ThingDiscoveryManagerSettings.DEFAULTS;
        assertThat((Object) d.registry()).isNull();
        assertThat(d.followUps()).isTrue();
        assertThat(d.publicTags()).isEmpty();
        assertThat(d.executors()).isSameAs(IotExecutors.shared());
        assertThat(ThingDiscoveryManagerSettings.builder().build()).isEqualTo(d);

        ThingDiscoveryManagerSettings s = d.toBuilder()
                .registry(R1)
                .followUps(false)
                .publicTags(null, List.of(str("ROOM", "101")))
                .build();
        assertThat(s.toBuilder().build()).isEqualTo(s);
        assertThat(s.publicTags(null)).containsExactly(str("ROOM", "101"));
        assertThat(s.publicTags(NodeRef.of("n1"))).isEmpty();
        assertThat(s.toBuilder().publicTags(null, List.of()).build().publicTags())
                .isEmpty();
        assertThat((Object) d.registry())
                .as("the defaults are not changed by a builder")
                .isNull();
    }

    @Test
    void settingsRefuseMissingPartsNamingTheFix() {
        assertThatThrownBy(() ->
                        ThingDiscoveryManagerSettings.builder().executors(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("IotExecutors.shared()");
        assertThatThrownBy(
                        () -> ThingDiscoveryManagerSettings.builder().keys(null).build())
                .hasMessageContaining("KeySupplier.random()");
        assertThatThrownBy(() -> ThingDiscoveryManagerSettings.builder()
                        .publicTags(null, List.of(str("ROOM", "1"), str("room", "2")))
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        OwnerDiscoveryManagerSettings.builder().executors(null).build())
                .hasMessageContaining("IotExecutors.shared()");
        assertThat(OwnerDiscoveryManagerSettings.builder().registry(R1).build().toBuilder()
                        .build())
                .isEqualTo(new OwnerDiscoveryManagerSettings(R1, IotExecutors.shared()));
    }

    @Test
    void theNextRequestGoesToTheRegistryOfTheNewSettings() {
        ThingDiscoveryManager thing = ThingDiscoveryManager.getInstanceFor(connection);
        thing.update(b -> b.registry(R1));
        thing.register(List.of(str("SN", "1")), null, false);
        assertThat((Object) sent(IQ.class).getTo()).isEqualTo(R1);
        thing.configure(thing.settings().toBuilder().registry(R2).build());
        thing.register(List.of(str("SN", "2")), null, false);
        assertThat((Object) sent(IQ.class).getTo()).isEqualTo(R2);
        assertThat((Object) thing.settings().registry()).isEqualTo(R2);

        OwnerDiscoveryManager owner = OwnerDiscoveryManager.getInstanceFor(connection);
        owner.update(b -> b.registry(R2));
        owner.search(List.of(new StringComparison(Comparison.EQ, "SN", "1")), 0, null);
        assertThat((Object) sent(Search.class).getTo()).isEqualTo(R2);
    }

    @Test
    void closeGivesTheExecutorsBackUnregistersTheHandlersAndAFreshManagerFollows() {
        IotExecutors mine = IotExecutors.builder().name("x").build();
        ThingDiscoveryManager thing = ThingDiscoveryManager.getInstanceFor(connection);
        thing.update(b -> b.registry(R1).executors(mine).followUps(false));
        OwnerDiscoveryManager owner = OwnerDiscoveryManager.getInstanceFor(connection);
        owner.update(b -> b.executors(mine));
        assertThat(mine.activeLeases()).isEqualTo(2);

        assertThat(claimedAnswer().getType()).isEqualTo(IQ.Type.result);
        thing.close();
        thing.close();
        owner.close();
        assertThat(mine.activeLeases()).isZero();
        assertThat(claimedAnswer().getType())
                .as("no handler answers the registry after close")
                .isEqualTo(IQ.Type.error);
        assertThatThrownBy(() -> thing.update(b -> b.followUps(false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("getInstanceFor");

        ThingDiscoveryManager fresh = ThingDiscoveryManager.getInstanceFor(connection);
        assertThat(fresh).isNotSameAs(thing);
        assertThat(fresh.settings()).isEqualTo(ThingDiscoveryManagerSettings.DEFAULTS);
        assertThat(OwnerDiscoveryManager.getInstanceFor(connection)).isNotSameAs(owner);
    }

    /** Sends the registry's {@code claimed} and returns the Thing's answer. */
    private IQ claimedAnswer() {
        Claimed claimed = new Claimed(OWNER, NodeRef.of("n1"), false);
        claimed.setType(IQ.Type.set);
        claimed.setFrom(R1);
        claimed.setTo(connection.getUser());
        claimed.setStanzaId(java.util.UUID.randomUUID().toString());
        connection.processStanza(claimed);
        while (true) {
            IQ answer = sent(IQ.class);
            if (claimed.getStanzaId().equals(answer.getStanzaId())) {
                return answer;
            }
        }
    }
}

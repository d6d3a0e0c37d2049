package io.github.xmppiot.concentrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.core.thing.ThingDirectory;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The immutable settings of a {@link ConcentratorServer}: defaults, validation, builder round trip. */
class ConcentratorServerSettingsTest {

    @Test
    void defaultsServeNoTreeToFriendsOnTheSharedExecutors() {
        ConcentratorServerSettings d = ConcentratorServerSettings.DEFAULTS;
        assertThat(d.tree()).isNull();
        assertThat(d.accessPolicy()).isNull();
        assertThat(d.maxResponseChars()).isEqualTo(240 * 1024);
        assertThat(d.maxPendingEvents()).isEqualTo(10_000);
        assertThat(d.executors()).isSameAs(IotExecutors.shared());
        assertThat(ConcentratorServerSettings.builder().build()).isEqualTo(d);
    }

    @Test
    void toBuilderKeepsEveryValueAndChangesOnlyWhatIsSet() {
        NodeTree tree = new NodeTree("Hub", new ThingDirectory(), Clock.systemUTC());
        AccessPolicy everyone = AccessPolicy.allowEveryone();
        IotExecutors own = IotExecutors.builder().name("settings-test").build();
        ConcentratorServerSettings s = ConcentratorServerSettings.builder()
                .tree(tree)
                .accessPolicy(everyone)
                .maxResponseChars(2048)
                .maxPendingEvents(5)
                .executors(own)
                .build();
        assertThat(s.toBuilder().build()).isEqualTo(s);
        ConcentratorServerSettings changed = s.toBuilder().maxPendingEvents(6).build();
        assertThat(changed.maxPendingEvents()).isEqualTo(6);
        assertThat(changed.tree()).isSameAs(tree);
        assertThat(changed.accessPolicy()).isSameAs(everyone);
        assertThat(changed.maxResponseChars()).isEqualTo(2048);
        assertThat(changed.executors()).isSameAs(own);
        assertThat(s.maxPendingEvents()).as("the original is unchanged").isEqualTo(5);
        assertThat(own.activeLeases()).as("settings hold no threads").isZero();
    }

    @Test
    void invalidValuesAreRefusedWithTheFix() {
        assertThatThrownBy(() -> ConcentratorServerSettings.builder()
                        .maxResponseChars(1023)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxResponseChars must be at least 1024, was 1023")
                .hasMessageContaining("raise it");
        assertThatThrownBy(() ->
                        ConcentratorServerSettings.builder().maxPendingEvents(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxPendingEvents must be at least 1, was 0");
        assertThatThrownBy(() ->
                        ConcentratorServerSettings.builder().executors(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("IotExecutors.shared()");
        assertThat(ConcentratorServerSettings.builder()
                        .maxResponseChars(1024)
                        .build()
                        .maxResponseChars())
                .isEqualTo(1024);
    }
}

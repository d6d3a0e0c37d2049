package io.github.xmppiot.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.core.thing.ThingDirectory;
import java.time.Duration;
import java.util.Optional;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The settings records of the XEP-0325 managers: builders, copies and the checks that name the fix. */
class ControlSettingsProperties {

    private static final IotExecutors OTHER =
            IotExecutors.builder().name("other").build();

    @Property
    void serverSettingsSurviveACopyThroughTheirBuilder(
            @ForAll @IntRange(min = 1, max = 100_000) int maxQueued,
            @ForAll boolean withPolicy,
            @ForAll boolean other) {
        ThingDirectory things = new ThingDirectory();
        AccessPolicy policy = AccessPolicy.allowEveryone();
        ControlServerSettings s = ControlServerSettings.builder()
                .things(things)
                .accessPolicy(withPolicy ? policy : null)
                .maxQueuedRequests(maxQueued)
                .executors(other ? OTHER : IotExecutors.shared())
                .build();
        assertThat(s.toBuilder().build()).isEqualTo(s);
        assertThat(s.things()).isSameAs(things);
        assertThat(s.accessPolicy()).isEqualTo(withPolicy ? Optional.of(policy) : Optional.empty());
        assertThat(s.maxQueuedRequests()).isEqualTo(maxQueued);
        assertThat(s.executors()).isSameAs(other ? OTHER : IotExecutors.shared());
        ControlServerSettings changed =
                s.toBuilder().maxQueuedRequests(maxQueued + 1).build();
        assertThat(changed).isNotEqualTo(s);
        assertThat(changed.things()).isSameAs(things);
    }

    @Property
    void aQueueBoundBelowOneIsRefusedNamingTheDefault(@ForAll @IntRange(min = -1000, max = 0) int bad) {
        assertThatThrownBy(() -> ControlServerSettings.builder().maxQueuedRequests(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxQueuedRequests must be at least 1, was " + bad)
                .hasMessageContaining("default is " + ControlServerSettings.DEFAULT_MAX_QUEUED_REQUESTS);
        ControlServerSettings d = ControlServerSettings.DEFAULTS;
        assertThatThrownBy(() -> new ControlServerSettings(d.things(), d.accessPolicy(), bad, d.executors()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    @Example
    void theServerDefaultsAreDocumented() {
        ControlServerSettings d = ControlServerSettings.DEFAULTS;
        assertThat(d.things().all()).isEmpty();
        assertThat(d.accessPolicy()).isEmpty();
        assertThat(d.maxQueuedRequests()).isEqualTo(1000);
        assertThat(d.executors()).isSameAs(IotExecutors.shared());
        assertThat(ControlServerSettings.builder().build().things())
                .as("every builder starts with a directory of its own")
                .isNotSameAs(d.things())
                .isNotSameAs(ControlServerSettings.builder().build().things());
    }

    @Example
    void missingServerPartsAreRefusedNamingTheFix() {
        ControlServerSettings d = ControlServerSettings.DEFAULTS;
        assertThatThrownBy(() -> ControlServerSettings.builder().things(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("ThingDirectory.of");
        assertThatThrownBy(() -> ControlServerSettings.builder().executors(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("IotExecutors.shared()");
        assertThatThrownBy(() -> new ControlServerSettings(null, d.accessPolicy(), 1, d.executors()))
                .hasMessageContaining("ThingDirectory.of");
        assertThatThrownBy(() -> new ControlServerSettings(d.things(), null, 1, d.executors()))
                .hasMessageContaining("Optional.empty()");
        assertThatThrownBy(() -> new ControlServerSettings(d.things(), d.accessPolicy(), 1, null))
                .hasMessageContaining("IotExecutors.shared()");
    }

    @Property
    void clientSettingsSurviveACopyThroughTheirBuilder(
            @ForAll @LongRange(min = 1, max = 86_400_000) long millis, @ForAll boolean set, @ForAll boolean other) {
        ControlClientSettings s = ControlClientSettings.builder()
                .replyTimeout(set ? Duration.ofMillis(millis) : null)
                .executors(other ? OTHER : IotExecutors.shared())
                .build();
        assertThat(s.toBuilder().build()).isEqualTo(s);
        assertThat(s.replyTimeout()).isEqualTo(set ? Optional.of(Duration.ofMillis(millis)) : Optional.empty());
        assertThat(s.executors()).isSameAs(other ? OTHER : IotExecutors.shared());
    }

    @Property
    void aReplyTimeoutThatIsNotPositiveIsRefusedNamingTheFix(@ForAll @LongRange(min = -100_000, max = 0) long millis) {
        Duration bad = Duration.ofMillis(millis);
        assertThatThrownBy(() -> ControlClientSettings.builder().replyTimeout(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("replyTimeout must be positive, was " + bad)
                .hasMessageContaining("Duration.ofSeconds");
        assertThatThrownBy(() -> new ControlClientSettings(Optional.of(bad), IotExecutors.shared()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Example
    void theClientDefaultsAreDocumentedAndMissingPartsRefused() {
        assertThat(ControlClientSettings.DEFAULTS.replyTimeout()).isEmpty();
        assertThat(ControlClientSettings.DEFAULTS.executors()).isSameAs(IotExecutors.shared());
        assertThatThrownBy(() -> ControlClientSettings.builder().executors(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("IotExecutors.shared()");
        assertThatThrownBy(() -> new ControlClientSettings(null, IotExecutors.shared()))
                .hasMessageContaining("Optional.empty()");
        assertThatThrownBy(() -> new ControlClientSettings(Optional.empty(), null))
                .hasMessageContaining("IotExecutors.shared()");
    }
}

package io.github.xmppiot.concentrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.concurrent.IotExecutors;
import org.junit.jupiter.api.Test;

/** Validation and builder of the XEP-0326 client settings. */
class ConcentratorClientSettingsTest {

    @Test
    void defaultsKeepAThousandEventsOnTheSharedExecutors() {
        assertThat(ConcentratorClientSettings.DEFAULTS.eventBacklog()).isEqualTo(1_000);
        assertThat(ConcentratorClientSettings.DEFAULTS.executors()).isSameAs(IotExecutors.shared());
        assertThat(ConcentratorClientSettings.builder().build()).isEqualTo(ConcentratorClientSettings.DEFAULTS);
    }

    @Test
    void theBuilderSetsEachComponent() {
        ConcentratorClientSettings s =
                ConcentratorClientSettings.builder().eventBacklog(1).build();
        assertThat(s.eventBacklog()).isEqualTo(1);
        assertThat(s.toBuilder().eventBacklog(7).build().eventBacklog()).isEqualTo(7);
        assertThat(s.executors()).isSameAs(IotExecutors.shared());
    }

    @Test
    void aBacklogBelowOneOrNoExecutorsIsRefused() {
        assertThatThrownBy(() ->
                        ConcentratorClientSettings.builder().eventBacklog(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eventBacklog")
                .hasMessageContaining("0");
        assertThatThrownBy(() ->
                        ConcentratorClientSettings.builder().executors(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("executors");
    }
}

package io.github.xmppiot.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.concurrent.IotExecutors;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** Builder and validation of the owner's XEP-0347 settings. */
class OwnerDiscoveryManagerSettingsTest {

    @Test
    void defaultsHaveNoRegistryAndTheSharedExecutors() {
        assertThat((Object) OwnerDiscoveryManagerSettings.DEFAULTS.registry()).isNull();
        assertThat(OwnerDiscoveryManagerSettings.DEFAULTS.executors()).isSameAs(IotExecutors.shared());
        assertThat(OwnerDiscoveryManagerSettings.builder().build()).isEqualTo(OwnerDiscoveryManagerSettings.DEFAULTS);
    }

    @Test
    void theBuilderSetsTheRegistryAndKeepsTheRest() throws Exception {
        var jid = JidCreate.bareFrom("registry@example.org");
        OwnerDiscoveryManagerSettings s =
                OwnerDiscoveryManagerSettings.builder().registry(jid).build();
        assertThat((Object) s.registry()).isEqualTo(jid);
        assertThat(s.executors()).isSameAs(IotExecutors.shared());
        assertThat(s.toBuilder().build()).isEqualTo(s);
    }

    @Test
    void missingExecutorsAreRefusedNamingTheFix() {
        assertThatThrownBy(() ->
                        OwnerDiscoveryManagerSettings.builder().executors(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("IotExecutors.shared()");
    }
}

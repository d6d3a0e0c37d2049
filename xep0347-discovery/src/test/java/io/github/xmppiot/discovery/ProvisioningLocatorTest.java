package io.github.xmppiot.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.discovery.ProvisioningLocator.Found;
import io.github.xmppiot.discovery.ProvisioningLocator.Method;
import java.util.Optional;
import org.jivesoftware.smack.DummyConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** The configured methods 1-4 of XEP-0347 §3.11 and their order, without a server. */
class ProvisioningLocatorTest {

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
        connection.disconnect();
    }

    private Optional<Found> find(ProvisioningLocator.Builder b) {
        return b.searchComponents(false).executor(Runnable::run).build().find().join();
    }

    @Test
    void aConfiguredComponentIsUsedAsIs() {
        assertThat(find(ProvisioningLocator.builder(connection)
                        .component(JidCreate.domainBareFromOrThrowUnchecked("provisioning.example.org"))))
                .contains(new Found(
                        JidCreate.domainBareFromOrThrowUnchecked("provisioning.example.org"), Method.COMPONENT));
    }

    @Test
    void aConfiguredJidLosesItsResource() {
        assertThat(find(ProvisioningLocator.builder(connection)
                                .jid(JidCreate.fromOrThrowUnchecked("prov@example.com/desk")))
                        .orElseThrow())
                .satisfies(f -> {
                    assertThat(f.jid().toString()).isEqualTo("prov@example.com");
                    assertThat(f.method()).isEqualTo(Method.BARE_JID);
                });
    }

    @Test
    void subdomainAndUserNameAreAddedToTheConnectedServersDomain() {
        String domain = connection.getXMPPServiceDomain().toString();
        assertThat(find(ProvisioningLocator.builder(connection).subdomain("provisioning"))
                        .orElseThrow())
                .satisfies(f -> {
                    assertThat(f.jid().toString()).isEqualTo("provisioning." + domain);
                    assertThat(f.method()).isEqualTo(Method.SUBDOMAIN);
                });
        assertThat(find(ProvisioningLocator.builder(connection).userName("provisioning"))
                        .orElseThrow())
                .satisfies(f -> {
                    assertThat(f.jid().toString()).isEqualTo("provisioning@" + domain);
                    assertThat(f.method()).isEqualTo(Method.USER_NAME);
                });
    }

    @Test
    void theEarlierMethodWinsWhateverTheOrderOfConfiguration() {
        Optional<Found> f = find(ProvisioningLocator.builder(connection)
                .userName("provisioning")
                .jid(JidCreate.bareFromOrThrowUnchecked("prov@example.com"))
                .subdomain("prov"));
        assertThat(f.orElseThrow().method()).isEqualTo(Method.BARE_JID);
    }

    @Test
    void theFirstValueSetForAMethodWins() {
        Optional<Found> f = find(ProvisioningLocator.builder(connection)
                .jid(JidCreate.bareFromOrThrowUnchecked("first@example.com"))
                .jid(JidCreate.bareFromOrThrowUnchecked("second@example.com")));
        assertThat(f.orElseThrow().jid().toString()).isEqualTo("first@example.com");
    }

    @Test
    void anAccountThatIsNotOnlineInTheRosterIsNotAskedAndNothingIsFound() {
        int before = connection.getNumberOfSentPackets();
        Optional<Found> f = find(ProvisioningLocator.builder(connection)
                .registry(JidCreate.bareFromOrThrowUnchecked("registry@example.org"))
                .owner(JidCreate.bareFromOrThrowUnchecked("owner@example.org")));
        assertThat(f).isEmpty();
        assertThat(connection.getNumberOfSentPackets()).isEqualTo(before);
    }
}

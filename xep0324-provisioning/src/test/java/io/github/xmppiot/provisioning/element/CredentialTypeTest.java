package io.github.xmppiot.provisioning.element;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The credential kinds of XEP-0324 §3.6.2: element and attribute names from the XSD, and the examples' legacy form. */
class CredentialTypeTest {

    @Test
    void elementAndAttributeNamesAreTheXsdOnes() {
        assertThat(CredentialType.JID.element()).isEqualTo("jid");
        assertThat(CredentialType.HOST_NAME.element()).isEqualTo("hostName");
        assertThat(CredentialType.X509_CERTIFICATE.attribute()).isEqualTo("base64");
        assertThat(CredentialType.X509_CERTIFICATE_THUMBPRINT.element()).isEqualTo("x509CertificateThumbprint");
        assertThat(CredentialType.X509_CERTIFICATE_THUMBPRINT.attribute()).isEqualTo("base64");
        assertThat(CredentialType.IP4.attribute()).isEqualTo("value");
        assertThat(CredentialType.PROTOCOL.element()).isEqualTo("protocol");
    }

    @Test
    void onlyCoordinatesAreDoubles() {
        for (CredentialType t : CredentialType.values()) {
            boolean coordinate =
                    t == CredentialType.LONGITUDE || t == CredentialType.LATITUDE || t == CredentialType.ALTITUDE;
            assertThat(t.isDouble()).as(t.name()).isEqualTo(coordinate);
        }
    }

    @Test
    void fromElementFindsEveryTypeAndNothingElse() {
        for (CredentialType t : CredentialType.values()) {
            assertThat(CredentialType.fromElement(t.element())).contains(t);
        }
        assertThat(CredentialType.fromElement("HostName")).isEmpty();
        assertThat(CredentialType.fromElement("ipAddress")).isEmpty();
    }

    @Test
    void legacyIpAddressIsSplitByColon() {
        assertThat(CredentialType.fromLegacyType("IpAddress", "192.0.2.1")).contains(CredentialType.IP4);
        assertThat(CredentialType.fromLegacyType("IpAddress", "2001:db8::1")).contains(CredentialType.IP6);
        assertThat(CredentialType.fromLegacyType("ip", "2001:db8::1")).contains(CredentialType.IP6);
        assertThat(CredentialType.fromLegacyType("IP", null)).contains(CredentialType.IP4);
    }

    @Test
    void legacyNamesMatchElementNamesIgnoringCase() {
        assertThat(CredentialType.fromLegacyType("HOSTNAME", "h")).contains(CredentialType.HOST_NAME);
        assertThat(CredentialType.fromLegacyType("userName", "u")).contains(CredentialType.USER_NAME);
        assertThat(CredentialType.fromLegacyType("Jid", "a@b")).contains(CredentialType.JID);
        assertThat(CredentialType.fromLegacyType("password", "p")).isEmpty();
    }

    @Property(tries = 100)
    void everyTypeIsFoundByItsElementInAnyCase(@ForAll CredentialType t, @ForAll boolean upper) {
        String name = upper ? t.element().toUpperCase(java.util.Locale.ROOT) : t.element();
        assertThat(CredentialType.fromLegacyType(name, "v")).contains(t);
    }
}

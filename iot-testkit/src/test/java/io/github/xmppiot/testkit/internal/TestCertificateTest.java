package io.github.xmppiot.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cached self-signed certificate of the test servers (generated with openssl). */
class TestCertificateTest {

    @TempDir
    Path cache;

    static X509Certificate read(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    @Test
    void generatesACertificateForTheDomainAndItsSubdomainsThenReusesIt() throws Exception {
        TestCertificate cert = TestCertificate.forDomain(cache, "iot.test");

        assertThat(cert.certificate()).isEqualTo(cache.resolve("cert-iot.test/cert.pem"));
        assertThat(cert.key()).isEqualTo(cache.resolve("cert-iot.test/key.pem"));
        X509Certificate x509 = read(cert.certificate());
        assertThat(x509.getSubjectX500Principal().getName()).isEqualTo("CN=iot.test");
        assertThat(x509.getSubjectAlternativeNames())
                .containsExactlyInAnyOrder(List.of(2, "iot.test"), List.of(2, "*.iot.test"));
        assertThat(Files.readString(cert.key())).contains("PRIVATE KEY");
        // no staging directories are left behind
        try (var files = Files.list(cache)) {
            assertThat(files).containsExactly(cache.resolve("cert-iot.test"));
        }

        Files.writeString(cert.key(), "kept");
        TestCertificate again = TestCertificate.forDomain(cache, "iot.test");
        assertThat(again).isEqualTo(cert);
        assertThat(Files.readString(again.key())).isEqualTo("kept");
    }

    @Test
    void aBrokenCachedCertificateIsReplaced() throws Exception {
        Path dir = Files.createDirectories(cache.resolve("cert-broken.test"));
        Files.writeString(dir.resolve("cert.pem"), "not a certificate");
        Files.writeString(dir.resolve("key.pem"), "not a key");

        TestCertificate cert = TestCertificate.forDomain(cache, "broken.test");

        assertThat(read(cert.certificate()).getSubjectX500Principal().getName()).isEqualTo("CN=broken.test");
        assertThat(Files.readString(cert.key())).contains("PRIVATE KEY");
    }

    @Test
    void aMissingKeyIsRegenerated() throws IOException {
        TestCertificate first = TestCertificate.forDomain(cache, "nokey.test");
        String oldCert = Files.readString(first.certificate());
        Files.delete(first.key());

        TestCertificate second = TestCertificate.forDomain(cache, "nokey.test");

        assertThat(second.key()).exists();
        assertThat(Files.readString(second.certificate())).isNotEqualTo(oldCert);
    }
}

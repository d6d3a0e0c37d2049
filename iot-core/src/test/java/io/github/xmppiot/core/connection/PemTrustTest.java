package io.github.xmppiot.core.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemTrustTest {

    static Path resource(String name) {
        try {
            return Path.of(PemTrustTest.class.getResource("/certs/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsOneCertificate() throws Exception {
        List<X509Certificate> certs = PemTrust.readCertificates(resource("server.pem"));
        assertThat(certs).hasSize(1);
        assertThat(certs.get(0).getSubjectX500Principal().getName()).isEqualTo("CN=server.test");
    }

    @Test
    void readsEveryCertificateOfABundle() throws Exception {
        assertThat(PemTrust.readCertificates(resource("both.pem")))
                .extracting(c -> c.getSubjectX500Principal().getName())
                .containsExactly("CN=server.test", "CN=other.test");
    }

    @Test
    void trustsTheFileCertificateAndNothingElse() throws Exception {
        X509TrustManager tm = PemTrust.trustManager(resource("server.pem"));
        X509Certificate server =
                PemTrust.readCertificates(resource("server.pem")).get(0);
        X509Certificate other = PemTrust.readCertificates(resource("other.pem")).get(0);

        tm.checkServerTrusted(new X509Certificate[] {server}, "ECDHE_ECDSA");
        assertThat(tm.getAcceptedIssuers()).containsExactly(server);
        assertThatThrownBy(() -> tm.checkServerTrusted(new X509Certificate[] {other}, "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void bundleTrustsAllItsCertificates() throws Exception {
        X509TrustManager tm = PemTrust.trustManager(resource("both.pem"));
        for (X509Certificate c : PemTrust.readCertificates(resource("both.pem"))) {
            tm.checkServerTrusted(new X509Certificate[] {c}, "ECDHE_ECDSA");
        }
        assertThat(tm.getAcceptedIssuers()).hasSize(2);
    }

    @Test
    void rejectsFilesWithoutCertificates(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        assertThatThrownBy(() -> PemTrust.readCertificates(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty.pem");
        assertThatThrownBy(() -> PemTrust.trustManager(resource("garbage.pem")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("garbage.pem");
        assertThatThrownBy(() -> PemTrust.trustManager(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}

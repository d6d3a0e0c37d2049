package io.github.xmppiot.core.connection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Builds a trust manager that trusts exactly the certificates of a PEM file.
 *
 * <p>Use it for servers whose certificate is not issued by a public CA, such as a self-signed certificate of a local
 * test server or a private CA of a plant network. The certificates in the file become the only trust anchors: the
 * system's CA list is not consulted. The server's host name is still checked against the certificate by Smack's
 * hostname verifier.
 *
 * @since 0.1.0
 */
public final class PemTrust {

    private PemTrust() {}

    /**
     * Reads every X.509 certificate ({@code -----BEGIN CERTIFICATE-----} block) of a PEM file.
     *
     * @param pemFile the file
     * @return the certificates in file order, never empty
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if the file holds no certificate or a malformed one
     */
    public static List<X509Certificate> readCertificates(Path pemFile) throws IOException {
        Objects.requireNonNull(pemFile, "pemFile");
        List<X509Certificate> result = new ArrayList<>();
        try (InputStream in = Files.newInputStream(pemFile)) {
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                result.add((X509Certificate) c);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "Not a valid PEM certificate file: " + pemFile + ": " + e.getMessage(), e);
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("No certificate found in PEM file " + pemFile);
        }
        return List.copyOf(result);
    }

    /**
     * Creates a PKIX trust manager whose only trust anchors are the certificates of a PEM file.
     *
     * @param pemFile the file, holding one or more certificates
     * @return the trust manager
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if the file holds no certificate or a malformed one
     */
    public static X509TrustManager trustManager(Path pemFile) throws IOException {
        return trustManager(readCertificates(pemFile));
    }

    /**
     * Creates a PKIX trust manager whose only trust anchors are the given certificates.
     *
     * @param anchors the trusted certificates, not empty
     * @return the trust manager
     * @throws IllegalArgumentException if {@code anchors} is empty
     */
    public static X509TrustManager trustManager(List<X509Certificate> anchors) {
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("At least one trusted certificate is required");
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (X509Certificate cert : anchors) {
                store.setCertificateEntry("anchor-" + i++, cert);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(store);
            for (TrustManager tm : factory.getTrustManagers()) {
                if (tm instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("The PKIX trust manager factory returned no X509TrustManager");
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot build a trust store in memory", e);
        }
    }
}

package io.github.xmppiot.provisioning;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

/**
 * Real self-signed X.509 certificates with RSA keys for tests, made with the JDK's {@code keytool} (the JDK has no
 * public API to create certificates).
 */
public final class TestIdentities {

    private TestIdentities() {}

    /**
     * Creates a new identity.
     *
     * @param dir a scratch directory
     * @param cn  the certificate's common name
     * @return the identity
     * @throws Exception if keytool fails
     */
    public static DeviceIdentity create(Path dir, String cn) throws Exception {
        Path store = dir.resolve(cn + ".p12");
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(
                        keytool,
                        "-genkeypair",
                        "-alias",
                        cn,
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-dname",
                        "CN=" + cn,
                        "-validity",
                        "30",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        "changeit",
                        "-keypass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        return new DeviceIdentity(
                (X509Certificate) ks.getCertificate(cn), (PrivateKey) ks.getKey(cn, "changeit".toCharArray()));
    }
}

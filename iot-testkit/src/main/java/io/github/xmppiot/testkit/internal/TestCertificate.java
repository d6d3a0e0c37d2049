package io.github.xmppiot.testkit.internal;

import io.github.xmppiot.testkit.ProsodyNotInstalledException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for a test domain, generated once with {@code openssl} and cached on disk so that later
 * server starts cost nothing. Concurrent JVMs are safe: each generates into a private directory and publishes it with
 * an atomic rename; the loser uses the winner's files. Not API.
 *
 * @param certificate the PEM certificate file
 * @param key         the PEM private key file
 */
public record TestCertificate(Path certificate, Path key) {

    private static final Duration MIN_REMAINING_VALIDITY = Duration.ofDays(30);

    /**
     * Returns the cached certificate for the domain, generating it if it is missing or about to expire.
     *
     * @param cacheRoot the cache directory, or null for {@code ~/.cache/xmpp-iot-testkit}
     * @param domain    the domain the certificate is issued for
     * @return the certificate and key files
     */
    public static TestCertificate forDomain(Path cacheRoot, String domain) {
        Path root =
                cacheRoot != null ? cacheRoot : Path.of(System.getProperty("user.home"), ".cache", "xmpp-iot-testkit");
        Path dir = root.resolve("cert-" + domain);
        TestCertificate cert = new TestCertificate(dir.resolve("cert.pem"), dir.resolve("key.pem"));
        try {
            if (cert.usable()) {
                return cert;
            }
            Files.createDirectories(root);
            Path tmp = Files.createTempDirectory(root, "tmp-cert-");
            try {
                generate(tmp, domain);
                publish(tmp, dir);
            } finally {
                ProsodyFiles.deleteRecursively(tmp);
            }
            if (!cert.usable()) {
                throw new IllegalStateException("Generated certificate in " + dir + " is not readable");
            }
            return cert;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the test certificate in " + dir, e);
        }
    }

    private boolean usable() {
        if (!Files.isReadable(certificate) || !Files.isReadable(key)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(certificate)) {
            X509Certificate c =
                    (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            c.checkValidity(Date.from(Instant.now().plus(MIN_REMAINING_VALIDITY)));
            return true;
        } catch (IOException | CertificateException | ClassCastException e) {
            return false;
        }
    }

    private static void publish(Path tmp, Path dir) throws IOException {
        Path staged = Files.createDirectory(tmp.resolve("staged"));
        Files.move(tmp.resolve("cert.pem"), staged.resolve("cert.pem"));
        Files.move(tmp.resolve("key.pem"), staged.resolve("key.pem"));
        if (Files.isDirectory(dir)) {
            // an expired or broken cached copy: move it aside first, then publish
            Path old = tmp.resolve("old");
            try {
                Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // someone else replaced it concurrently; their copy wins
            }
        }
        try {
            Files.move(staged, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // another JVM published first; use its certificate
        }
    }

    private static void generate(Path dir, String domain) throws IOException {
        Path openssl = Executables.find("openssl")
                .orElseThrow(() -> new ProsodyNotInstalledException(
                        "openssl is needed once to create the self-signed test certificate but was not found on the PATH."
                                + " Install it with: sudo apt-get install -y openssl"
                                + " (or run with -Dxmpp.it.skip=true to skip the Prosody integration tests)."));
        List<String> cmd = List.of(
                openssl.toString(),
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-days",
                "3650",
                "-subj",
                "/CN=" + domain,
                "-addext",
                "subjectAltName=DNS:" + domain + ",DNS:*." + domain,
                "-keyout",
                dir.resolve("key.pem").toString(),
                "-out",
                dir.resolve("cert.pem").toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("openssl did not finish within 30 s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while generating the test certificate", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("openssl failed (exit " + p.exitValue() + "): " + output);
        }
    }
}

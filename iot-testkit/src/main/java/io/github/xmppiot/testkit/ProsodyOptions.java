package io.github.xmppiot.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of a test {@link ProsodyServer}. The defaults give a TLS-only server for the domain {@code localhost} on a
 * free loopback port, with a cached self-signed certificate.
 *
 * <p>The Prosody executable is {@link #prosodyBinary()}: the system property {@value #PROSODY_BINARY_PROPERTY} if set,
 * otherwise {@code prosody} looked up on the {@code PATH}.
 *
 * @since 0.1.0
 */
public final class ProsodyOptions {

    /** System property (and JUnit configuration parameter) naming the Prosody executable. */
    public static final String PROSODY_BINARY_PROPERTY = "xmpp.it.prosody";
    /** System property naming the directory where the self-signed test certificate is cached. */
    public static final String CERT_DIR_PROPERTY = "xmpp.it.certDir";

    private final boolean tls;
    private final String domain;
    private final String prosodyBinary;
    private final String logLevel;
    private final List<String> extraModules;
    private final Duration startTimeout;
    private final Path certificateCache;

    private ProsodyOptions(Builder b) {
        this.tls = b.tls;
        this.domain = b.domain;
        this.prosodyBinary = b.prosodyBinary;
        this.logLevel = b.logLevel;
        this.extraModules = List.copyOf(b.extraModules);
        this.startTimeout = b.startTimeout;
        this.certificateCache = b.certificateCache;
    }

    /**
     * The default options: TLS, domain {@code localhost}, log level {@code debug}.
     *
     * @return the defaults
     */
    public static ProsodyOptions defaults() {
        return builder().build();
    }

    /**
     * Starts a builder initialised with the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return true if clients must use STARTTLS, false for a plaintext-only server */
    public boolean tls() {
        return tls;
    }

    /** @return the XMPP domain of the single virtual host */
    public String domain() {
        return domain;
    }

    /** @return the Prosody executable: a path, or a name looked up on the {@code PATH} */
    public String prosodyBinary() {
        return prosodyBinary;
    }

    /** @return Prosody's minimum log level, {@code debug} or {@code info} */
    public String logLevel() {
        return logLevel;
    }

    /** @return Prosody modules loaded in addition to the standard set */
    public List<String> extraModules() {
        return extraModules;
    }

    /** @return how long to wait for the server to accept connections */
    public Duration startTimeout() {
        return startTimeout;
    }

    /** @return the directory caching the self-signed certificate, or empty for the default location */
    public Optional<Path> certificateCache() {
        return Optional.ofNullable(certificateCache);
    }

    /** Builder of {@link ProsodyOptions}. */
    public static final class Builder {
        private boolean tls = true;
        private String domain = "localhost";
        private String prosodyBinary = System.getProperty(PROSODY_BINARY_PROPERTY, "prosody");
        private String logLevel = "debug";
        private final List<String> extraModules = new ArrayList<>();
        private Duration startTimeout = Duration.ofSeconds(10);
        private Path certificateCache = Optional.ofNullable(System.getProperty(CERT_DIR_PROPERTY))
                .map(Path::of)
                .orElse(null);

        private Builder() {}

        /**
         * Chooses between a STARTTLS-required server (true, the default) and a plaintext-only server.
         *
         * @param tls whether TLS is required
         * @return this builder
         */
        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        /**
         * Sets the XMPP domain; the certificate is issued for it.
         *
         * @param domain a DNS-like domain name
         * @return this builder
         */
        public Builder domain(String domain) {
            if (!domain.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?")) {
                throw new IllegalArgumentException("Not a lower-case domain name: " + domain);
            }
            this.domain = domain;
            return this;
        }

        /**
         * Sets the Prosody executable.
         *
         * @param prosodyBinary a path, or a name looked up on the {@code PATH}
         * @return this builder
         */
        public Builder prosodyBinary(String prosodyBinary) {
            this.prosodyBinary = Objects.requireNonNull(prosodyBinary, "prosodyBinary");
            return this;
        }

        /**
         * Sets Prosody's minimum log level. {@code debug} logs every stanza, which helps when a test fails;
         * {@code info} keeps the log small for benchmarks. (The kit reads Prosody's {@code info} lines to detect
         * startup, so higher levels are not offered.)
         *
         * @param level {@code debug} or {@code info}
         * @return this builder
         */
        public Builder logLevel(String level) {
            if (!List.of("debug", "info").contains(level)) {
                throw new IllegalArgumentException("Unknown Prosody log level: " + level);
            }
            this.logLevel = level;
            return this;
        }

        /**
         * Loads further Prosody modules, for example {@code carbons} or {@code smacks}.
         *
         * @param modules module names without the {@code mod_} prefix
         * @return this builder
         */
        public Builder extraModules(String... modules) {
            for (String m : modules) {
                if (!m.matches("[a-z0-9_]+")) {
                    throw new IllegalArgumentException("Not a Prosody module name: " + m);
                }
                extraModules.add(m);
            }
            return this;
        }

        /**
         * Sets how long {@link ProsodyServer#start(ProsodyOptions)} waits for the server to accept connections.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder startTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("startTimeout must be positive");
            }
            this.startTimeout = timeout;
            return this;
        }

        /**
         * Sets the directory where the generated self-signed certificate is cached between runs.
         *
         * @param directory the cache directory
         * @return this builder
         */
        public Builder certificateCache(Path directory) {
            this.certificateCache = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the immutable options
         */
        public ProsodyOptions build() {
            return new ProsodyOptions(this);
        }
    }
}

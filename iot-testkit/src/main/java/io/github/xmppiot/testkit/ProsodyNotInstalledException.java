package io.github.xmppiot.testkit;

/**
 * Thrown when the Prosody executable (or {@code openssl}, needed for the test certificate) cannot be found. The message
 * says how to install it and how to skip the Prosody integration tests explicitly.
 *
 * @since 0.1.0
 */
public class ProsodyNotInstalledException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the explanation, including installation instructions
     */
    public ProsodyNotInstalledException(String message) {
        super(message);
    }
}

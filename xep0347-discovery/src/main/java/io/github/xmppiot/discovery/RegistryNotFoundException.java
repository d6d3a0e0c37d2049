package io.github.xmppiot.discovery;

/**
 * No Thing Registry could be found or reached (XEP-0347 §3.5): none configured and no server component advertises
 * {@code urn:xmpp:iot:discovery}, or the configured registry account is not online.
 *
 * @since 0.1.0
 */
public class RegistryNotFoundException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was tried
     */
    public RegistryNotFoundException(String message) {
        super(message);
    }
}

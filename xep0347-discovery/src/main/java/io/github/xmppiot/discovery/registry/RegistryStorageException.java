package io.github.xmppiot.discovery.registry;

/**
 * The registry's storage failed (XEP-0347 registry operations are then answered with {@code internal-server-error}).
 *
 * @since 0.1.0
 */
public class RegistryStorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause   the cause
     */
    public RegistryStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}

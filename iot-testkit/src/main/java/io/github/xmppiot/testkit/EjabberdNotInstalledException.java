package io.github.xmppiot.testkit;

/**
 * Thrown when ejabberd (or Erlang, or {@code openssl}, needed for the test certificate) cannot be found. The message
 * says how to install it and how to skip the integration tests explicitly.
 */
public class EjabberdNotInstalledException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the explanation, including installation instructions
     */
    public EjabberdNotInstalledException(String message) {
        super(message);
    }
}

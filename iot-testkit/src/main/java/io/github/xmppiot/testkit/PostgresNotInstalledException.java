package io.github.xmppiot.testkit;

/**
 * Thrown when PostgreSQL's {@code initdb}/{@code pg_ctl} cannot be found. The message says how to install it and how
 * to skip the integration tests explicitly.
 */
public class PostgresNotInstalledException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the explanation, including installation instructions
     */
    public PostgresNotInstalledException(String message) {
        super(message);
    }
}

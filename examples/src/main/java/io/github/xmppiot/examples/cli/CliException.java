package io.github.xmppiot.examples.cli;

/**
 * A failure the command-line program reports as one line, with the exit code it should end with.
 */
public final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Exit code of a request that failed or was refused. */
    public static final int FAILED = 1;
    /** Exit code of malformed input (also picocli's usage error code). */
    public static final int BAD_INPUT = 2;
    /** Exit code of a connection or login failure. */
    public static final int NOT_CONNECTED = 3;

    private final int exitCode;

    /**
     * Creates the exception.
     *
     * @param exitCode the exit code, one of the constants of this class
     * @param message  the one-line message
     */
    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /**
     * Creates the exception.
     *
     * @param exitCode the exit code, one of the constants of this class
     * @param message  the one-line message
     * @param cause    the underlying failure
     */
    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /**
     * A malformed-input failure.
     *
     * @param message what is wrong, in one line
     * @return the exception
     */
    public static CliException badInput(String message) {
        return new CliException(BAD_INPUT, message);
    }

    /** @return the exit code */
    public int exitCode() {
        return exitCode;
    }
}

package io.github.xmppiot.console;

/** A request the console refuses or cannot serve, with the HTTP status and a message for the page. */
public final class ConsoleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;

    /**
     * Creates the failure.
     *
     * @param status  the HTTP status
     * @param message what went wrong and what to do
     */
    public ConsoleException(int status, String message) {
        this(status, message, null);
    }

    /**
     * Creates a failure about one form field, shown beside it.
     *
     * @param status  the HTTP status
     * @param message what went wrong
     * @param field   the field's name, may be null
     */
    public ConsoleException(int status, String message, String field) {
        super(message);
        this.status = status;
        this.field = field;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the form field the failure is about, or null */
    public String field() {
        return field;
    }
}

package io.github.xmppiot.core.xml;

import org.jivesoftware.smack.parsing.SmackParsingException;

/**
 * A protocol element is not well-formed in the sense of its XEP: a required attribute is missing or a value is not of
 * its lexical type. Request providers turn it into a {@link MalformedRequest} so that the request is answered with
 * {@code modify/bad-request} instead of being dropped.
 *
 * @since 0.1.0
 */
public class IotParseException extends SmackParsingException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, in one line, suitable for an XMPP error text
     */
    public IotParseException(String message) {
        super(message);
    }

    /**
     * Wraps a lexical error of a value.
     *
     * @param context where the value was found, e.g. {@code "attribute 'seqnr' of <req/>"}
     * @param cause   the lexical error
     * @return the exception
     */
    public static IotParseException of(String context, IllegalArgumentException cause) {
        IotParseException e = new IotParseException(context + ": " + cause.getMessage());
        e.initCause(cause);
        return e;
    }
}

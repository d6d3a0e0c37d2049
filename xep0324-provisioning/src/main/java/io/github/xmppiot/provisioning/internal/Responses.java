package io.github.xmppiot.provisioning.internal;

import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.iq.IotErrors;
import io.github.xmppiot.core.xml.MalformedRequest;
import java.util.concurrent.CompletionException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.UnparsedIQ;

/**
 * Reads answers to XEP-0324 requests tolerantly (CHECKLIST §9.2): an {@code <error/>} inside an {@code iq
 * type='result'} (examples 5 and 6) is an error; a payload that could not be read is an error; an
 * {@code iq type='error'} without {@code <error/>} (the obsolete {@code <rejected/>} of example 14) is
 * {@code cancel/forbidden}. Not API.
 */
public final class Responses {

    private Responses() {}

    /**
     * Returns the expected response or throws the error it carries.
     *
     * @param response the IQ received
     * @param expected the payload class expected
     * @param <T>      the payload class
     * @return the payload
     * @throws CompletionException wrapping an {@link IotErrorException} if the response is an error or unreadable
     */
    public static <T extends IQ> T expect(IQ response, Class<T> expected) {
        IotErrorException error = errorOf(response);
        if (error != null) {
            throw new CompletionException(error);
        }
        if (!expected.isInstance(response)) {
            throw new CompletionException(IotErrors.badRequest("unexpected answer <" + response.getChildElementName()
                    + "/> instead of " + expected.getSimpleName()));
        }
        return expected.cast(response);
    }

    /**
     * The error an answer carries, if any.
     *
     * @param response the IQ received
     * @return the error, or null if the answer is not an error
     */
    public static IotErrorException errorOf(IQ response) {
        StanzaError error = response.getError();
        if (error != null) {
            return IotErrorException.from(error);
        }
        if (response instanceof MalformedRequest malformed) {
            return IotErrors.badRequest("malformed answer: " + malformed.reason());
        }
        if (response.getType() == IQ.Type.error) {
            String child = response instanceof UnparsedIQ ? response.getChildElementName() : null;
            return IotErrors.forbidden("error without <error/>" + (child != null ? " (<" + child + "/>)" : ""));
        }
        return null;
    }
}

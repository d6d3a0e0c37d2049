package io.github.xmppiot.core.xml;

import java.io.IOException;
import java.util.Objects;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.IqData;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.IqProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * Wraps a provider the SDK does not write (Smack's own, such as XEP-0050's {@code AdHocCommandDataProvider}) so that an
 * IQ request ({@code get}/{@code set}) it cannot parse becomes a {@link MalformedRequest}, which the SDK's request
 * handler answers with {@code modify/bad-request} (RFC 6120 §8.3.3.1) on any connection. Without it the parse error
 * goes to the connection's parsing-exception callback, which can answer only on an
 * {@link io.github.xmppiot.core.connection.IotTcpConnection} (a plain Smack connection hands it the stanza without
 * its {@code <iq>} head). Results and errors are parsed as before: their failures still propagate.
 *
 * <p>Caught: Smack's parse exceptions, runtime exceptions of the provider, and jxmpp's
 * {@link XmppStringprepException} (a JID field whose value is not a JID, XEP-0004 §3.3). Errors of the XML itself
 * ({@link XmlPullParserException}) and other I/O errors propagate.
 *
 * @since 0.1.0
 */
public final class AnsweringIqProvider extends IqProvider<IQ> {

    private final IqProvider<? extends IQ> delegate;

    /**
     * Wraps a provider.
     *
     * @param delegate the provider that parses well-formed payloads
     */
    public AnsweringIqProvider(IqProvider<? extends IQ> delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * The wrapped provider.
     *
     * @return the provider given to the constructor
     */
    public IqProvider<? extends IQ> delegate() {
        return delegate;
    }

    @Override
    public IQ parse(XmlPullParser parser, int initialDepth, IqData iqData, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException, SmackParsingException {
        String element = parser.getName();
        String namespace = parser.getNamespace();
        boolean request = iqData.getType() == IQ.Type.get || iqData.getType() == IQ.Type.set;
        try {
            return delegate.parse(parser, initialDepth, iqData, xmlEnvironment);
        } catch (SmackParsingException | XmppStringprepException | RuntimeException e) {
            if (!request) {
                throw e;
            }
            IotXml.skipToEndOf(parser, initialDepth);
            return new MalformedRequest(
                    element,
                    namespace,
                    Objects.toString(e.getMessage(), e.getClass().getSimpleName()));
        }
    }
}

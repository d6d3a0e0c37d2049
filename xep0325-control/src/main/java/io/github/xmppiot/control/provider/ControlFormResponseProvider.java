package io.github.xmppiot.control.provider;

import io.github.xmppiot.control.element.ControlFormResponse;
import io.github.xmppiot.core.xml.IotXml;
import java.io.IOException;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jivesoftware.smackx.xdata.provider.DataFormProvider;

/**
 * Reads the answer to {@code getForm} (XEP-0325 §3.3): an IQ whose direct child is {@code <x xmlns='jabber:x:data'>}.
 * Registered as an IQ provider, it only applies where a data form is the IQ's child element; data forms inside
 * messages or other payloads keep Smack's extension provider. The form itself is read by Smack's
 * {@link DataFormProvider} (XEP-0004 with XEP-0122 validation and XEP-0141 layout).
 *
 * @since 0.1.0
 */
public final class ControlFormResponseProvider extends IQProvider<ControlFormResponse> {

    /** Shared instance. */
    public static final ControlFormResponseProvider INSTANCE = new ControlFormResponseProvider();

    @Override
    public ControlFormResponse parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException, SmackParsingException {
        return new ControlFormResponse(IotXml.dataForm(parser));
    }
}

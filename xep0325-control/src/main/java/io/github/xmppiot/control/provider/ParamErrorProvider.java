package io.github.xmppiot.control.provider;

import io.github.xmppiot.control.element.ParamError;
import io.github.xmppiot.core.xml.IotXml;
import java.io.IOException;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Reads {@code paramError} (XEP-0325 §5.1 "IQ Error Stanzas").
 *
 * @since 0.1.0
 */
public final class ParamErrorProvider extends ExtensionElementProvider<ParamError> {

    /** Shared instance. */
    public static final ParamErrorProvider INSTANCE = new ParamErrorProvider();

    @Override
    public ParamError parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException, SmackParsingException {
        String var = IotXml.requiredAttribute(parser, "var");
        return new ParamError(var, parser.nextText().strip());
    }
}

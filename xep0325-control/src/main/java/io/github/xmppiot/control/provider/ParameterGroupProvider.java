package io.github.xmppiot.control.provider;

import io.github.xmppiot.control.element.ParameterGroup;
import io.github.xmppiot.core.xml.IotXml;
import java.io.IOException;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jivesoftware.smackx.xdata.provider.FormFieldChildElementProvider;

/**
 * Reads the {@code parameterGroup} child of a control-form field (XEP-0325 §5.4 "Grouping control parameters").
 *
 * @since 0.1.0
 */
public final class ParameterGroupProvider extends FormFieldChildElementProvider<ParameterGroup> {

    /** Shared instance. */
    public static final ParameterGroupProvider INSTANCE = new ParameterGroupProvider();

    @Override
    public ParameterGroup parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException, SmackParsingException {
        return new ParameterGroup(IotXml.requiredAttribute(parser, "name"));
    }

    @Override
    public QName getQName() {
        return ParameterGroup.QNAME;
    }
}

package io.github.xmppiot.control.provider;

import io.github.xmppiot.control.element.ControlSet;
import io.github.xmppiot.control.element.TypedParameter;
import io.github.xmppiot.control.internal.SubmissionReader;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.core.xml.IotParseException;
import io.github.xmppiot.core.xml.IotXml;
import java.io.IOException;
import java.util.Optional;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jivesoftware.smackx.xdata.packet.DataForm;

/**
 * Reads the XEP-0325 {@code set} element (§3.1–§3.4) as a message payload. Lenient (CHECKLIST §14): unknown elements and
 * attributes ({@code xml:lang}) are skipped, Smack's {@code bool} is read as {@code boolean}, and parameter values are
 * kept as received so that a bad value is reported per parameter rather than as an unreadable stanza.
 *
 * @since 0.1.0
 */
public final class ControlSetProvider extends ExtensionElementProvider<ControlSet> {

    /** Shared instance. */
    public static final ControlSetProvider INSTANCE = new ControlSetProvider();

    @Override
    public ControlSet parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException, SmackParsingException {
        return parseSet(parser, initialDepth);
    }

    /**
     * Reads a {@code set} element.
     *
     * @param parser       positioned on the {@code set} start tag; left on its end tag
     * @param initialDepth the depth of the {@code set} element
     * @return the element
     * @throws IotParseException      if a parameter has no {@code name}, a node no {@code nodeId}, a parameter element
     *                                names a type XEP-0325 does not allow ({@code numeric}, {@code enum}), or the form
     *                                is not a readable submission
     * @throws XmlPullParserException on XML errors
     * @throws IOException            on I/O errors
     */
    public static ControlSet parseSet(XmlPullParser parser, int initialDepth)
            throws IotParseException, XmlPullParserException, IOException {
        ControlSet.Builder set = ControlSet.builder().tokens(IotXml.tokens(parser));
        boolean formSeen = false;
        while (true) {
            XmlPullParser.Event event = parser.next();
            if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == initialDepth) {
                break;
            }
            if (event != XmlPullParser.Event.START_ELEMENT) {
                continue;
            }
            String name = parser.getName();
            String namespace = parser.getNamespace();
            if (DataForm.ELEMENT.equals(name) && DataForm.NAMESPACE.equals(namespace)) {
                if (formSeen) {
                    throw new IotParseException("a set carries at most one control form");
                }
                formSeen = true;
                set.form(submission(parser));
                continue;
            }
            if (!ControlSet.NAMESPACE.equals(namespace)) {
                IotXml.skipElement(parser);
                continue;
            }
            if ("node".equals(name)) {
                set.node(IotXml.nodeRef(parser));
            } else {
                Optional<ValueType> type = ValueType.fromElementName(name);
                if (type.isPresent()) {
                    if (!type.get().isControlType()) {
                        throw new IotParseException("<" + name + "/> is not a XEP-0325 control parameter type");
                    }
                    set.parameter(TypedParameter.raw(
                            type.get(),
                            IotXml.requiredAttribute(parser, TypedParameter.ATTR_NAME),
                            IotXml.attribute(parser, TypedParameter.ATTR_VALUE)));
                }
            }
            IotXml.skipElement(parser);
        }
        return set.build();
    }

    private static DataForm submission(XmlPullParser parser)
            throws IotParseException, XmlPullParserException, IOException {
        DataForm form = SubmissionReader.read(parser);
        if (form.getType() != DataForm.Type.submit) {
            throw new IotParseException("a control form is submitted with type='submit', not '" + form.getType() + "'");
        }
        return form;
    }
}

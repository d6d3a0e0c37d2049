package io.github.xmppiot.concentrator.provider;

import io.github.xmppiot.concentrator.element.DynamicFormFlag;
import java.io.IOException;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jivesoftware.smackx.xdata.provider.FormFieldChildElementProvider;

/**
 * Reads one XEP-0336 marker ({@code xdd:readOnly}, {@code xdd:notSame}, {@code xdd:postBack}) inside a form field of a
 * XEP-0326 parameter form (XEP-0326 §3.9).
 *
 * @since 0.1.0
 */
public final class DynamicFormFlagProvider extends FormFieldChildElementProvider<DynamicFormFlag> {

    private final DynamicFormFlag flag;

    /**
     * Creates the provider of one marker.
     *
     * @param flag the marker
     */
    public DynamicFormFlagProvider(DynamicFormFlag flag) {
        this.flag = flag;
    }

    @Override
    public QName getQName() {
        return flag.qname();
    }

    @Override
    public DynamicFormFlag parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        while (!(parser.getEventType() == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == initialDepth)) {
            parser.next();
        }
        return flag;
    }
}

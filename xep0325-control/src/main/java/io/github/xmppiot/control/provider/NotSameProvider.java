package io.github.xmppiot.control.provider;

import io.github.xmppiot.control.element.NotSame;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smackx.xdata.provider.FormFieldChildElementProvider;

/**
 * Reads the XEP-0336 {@code notSame} flag of a form field (§3.4 "Publishing fields with undefined values"). Without a
 * registered provider Smack 4.4 drops unknown field children with a warning.
 *
 * @since 0.1.0
 */
public final class NotSameProvider extends FormFieldChildElementProvider<NotSame> {

    /** Shared instance. */
    public static final NotSameProvider INSTANCE = new NotSameProvider();

    @Override
    public NotSame parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment) {
        return NotSame.INSTANCE;
    }

    @Override
    public QName getQName() {
        return NotSame.QNAME;
    }
}

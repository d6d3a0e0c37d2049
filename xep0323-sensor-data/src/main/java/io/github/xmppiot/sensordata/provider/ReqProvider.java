package io.github.xmppiot.sensordata.provider;

import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.core.xml.IotParseException;
import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.sensordata.ReadoutRequest;
import io.github.xmppiot.sensordata.ReadoutRequestBuilder;
import io.github.xmppiot.sensordata.element.Req;
import java.io.IOException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Reads {@link Req} (XEP-0323 §3, schema §10). A request that breaks the XEP's rules becomes a
 * {@link io.github.xmppiot.core.xml.MalformedRequest}, answered with {@code modify/bad-request}: a missing or non-xs:int
 * {@code seqnr}, a flag that is not an xs:boolean, a {@code from}/{@code to}/{@code when} that is not an xs:dateTime,
 * {@code from} after {@code to}, a {@code node} without {@code nodeId} or a {@code field} without {@code name}.
 * Unknown attributes (including flags this SDK does not know) and unknown children are ignored (CHECKLIST §14).
 *
 * @since 0.1.0
 */
public final class ReqProvider extends IQProvider<IQ> {

    @Override
    public IQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        return IotXml.parseRequest(parser, initialDepth, p -> body(p, initialDepth));
    }

    private static Req body(XmlPullParser parser, int depth)
            throws IotParseException, XmlPullParserException, IOException {
        int seqnr = IotXml.intAttribute(parser, "seqnr");
        ReadoutRequestBuilder b = ReadoutRequest.builder();
        for (FieldCategory c : FieldCategory.values()) {
            if (IotXml.booleanAttribute(parser, c.attribute(), false)) {
                b.categories(c);
            }
        }
        if (IotXml.booleanAttribute(parser, FieldCategory.IDENTITY_ALIAS, false)) {
            b.identity();
        }
        if (IotXml.booleanAttribute(parser, "all", false)) {
            b.all();
        }
        if (IotXml.booleanAttribute(parser, "historical", false)) {
            b.historical();
        }
        b.from(IotXml.dateTimeAttribute(parser, "from"));
        b.to(IotXml.dateTimeAttribute(parser, "to"));
        b.when(IotXml.dateTimeAttribute(parser, "when"));
        b.tokens(IotXml.tokens(parser));
        while (true) {
            XmlPullParser.Event event = parser.next();
            if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == depth) {
                break;
            }
            if (event != XmlPullParser.Event.START_ELEMENT) {
                continue;
            }
            if (parser.getDepth() == depth + 1 && "node".equals(parser.getName())) {
                b.nodes(IotXml.nodeRef(parser));
            } else if (parser.getDepth() == depth + 1 && "field".equals(parser.getName())) {
                String name = IotXml.requiredAttribute(parser, "name");
                if (name.isEmpty()) {
                    throw new IotParseException("empty attribute 'name' on <field/>");
                }
                b.fields(name);
            }
            IotXml.skipElement(parser);
        }
        return new Req(seqnr, b.build());
    }
}

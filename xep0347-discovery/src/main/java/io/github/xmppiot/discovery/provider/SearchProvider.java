package io.github.xmppiot.discovery.provider;

import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.discovery.SearchOperator;
import io.github.xmppiot.discovery.element.Search;
import io.github.xmppiot.discovery.internal.OperatorXml;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Parses {@code <search xmlns='urn:xmpp:iot:discovery'/>} into a {@link Search} (XEP-0347 §3.15), or into a
 * {@link io.github.xmppiot.core.xml.MalformedRequest} if it breaks the XEP.
 *
 * @since 0.1.0
 */
public final class SearchProvider extends IQProvider<IQ> {

    /** Creates the provider. */
    public SearchProvider() {
        super();
    }

    @Override
    public IQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        return IotXml.parseRequest(parser, initialDepth, p -> {
            int offset = IotXml.optionalIntAttribute(p, "offset") == null ? 0 : IotXml.intAttribute(p, "offset");
            Integer maxCount = IotXml.optionalIntAttribute(p, "maxCount");
            int depth = p.getDepth();
            List<SearchOperator> operators = new ArrayList<>();
            while (!(p.next() == XmlPullParser.Event.END_ELEMENT && p.getDepth() == depth)) {
                if (p.getEventType() == XmlPullParser.Event.START_ELEMENT) {
                    SearchOperator op = OperatorXml.read(p);
                    if (op != null) {
                        operators.add(op);
                    }
                    IotXml.skipElement(p);
                }
            }
            return new Search(operators, offset, maxCount);
        });
    }
}

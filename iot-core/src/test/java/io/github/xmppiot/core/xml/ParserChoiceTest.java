package io.github.xmppiot.core.xml;

import static org.assertj.core.api.Assertions.assertThat;

import org.jivesoftware.smack.xml.SmackXmlParser;
import org.junit.jupiter.api.Test;

/** xmpp-iot runs Smack on the XPP3 parser; smack-java8's StAX parser is excluded so Smack cannot pick it first. */
class ParserChoiceTest {

    @Test
    void smackParsesWithXpp3() {
        assertThat(SmackXmlParser.getXmlPullParserFactory().getClass().getName())
                .contains("xpp3");
    }
}

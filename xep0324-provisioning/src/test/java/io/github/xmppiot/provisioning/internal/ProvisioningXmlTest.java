package io.github.xmppiot.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.core.xml.IotParseException;
import io.github.xmppiot.provisioning.element.FieldTypes;
import java.util.Base64;
import java.util.EnumSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.junit.jupiter.api.Test;

/** The XML helpers shared by the XEP-0324 providers: attributes, children, text, field types, base64, privilege ids. */
class ProvisioningXmlTest {

    private static XmlPullParser parser(String xml) throws Exception {
        return PacketParserUtils.getParserFor(xml);
    }

    @Test
    void jidIsReadStrippedAndAnInvalidOneIsNamed() throws Exception {
        assertThat(ProvisioningXml.jid(parser("<a jid=' bob@example.org/r '/>"), "jid")
                        .toString())
                .isEqualTo("bob@example.org/r");
        String tooLong = "x".repeat(1100) + "@example.org";
        assertThatThrownBy(() -> ProvisioningXml.jid(parser("<a jid='" + tooLong + "'/>"), "jid"))
                .isInstanceOf(IotParseException.class)
                .hasMessageContaining("attribute 'jid' of <a/> is not a JID: " + tooLong);
        assertThatThrownBy(() -> ProvisioningXml.jid(parser("<a/>"), "jid")).isInstanceOf(IotParseException.class);
    }

    @Test
    void requiredBooleanNeedsTheAttribute() throws Exception {
        assertThat(ProvisioningXml.requiredBoolean(parser("<a result='true'/>"), "result"))
                .isTrue();
        assertThat(ProvisioningXml.requiredBoolean(parser("<a result='0'/>"), "result"))
                .isFalse();
        assertThatThrownBy(() -> ProvisioningXml.requiredBoolean(parser("<a/>"), "result"))
                .isInstanceOf(IotParseException.class);
        assertThatThrownBy(() -> ProvisioningXml.requiredBoolean(parser("<a result='yes'/>"), "result"))
                .isInstanceOf(IotParseException.class);
    }

    @Test
    void childrenReadsNodesAndNamesAtTheirDepthOnly() throws Exception {
        XmlPullParser p = parser("<r><node nodeId='n1' sourceId='s'/><field name='t'><field name='deep'/></field>"
                + "<other name='x'/><node nodeId='n2'/></r>");
        ProvisioningXml.Children c = ProvisioningXml.children(p, p.getDepth(), "field");
        assertThat(c.nodes()).containsExactly(NodeRef.of("n1", "s"), NodeRef.of("n2"));
        assertThat(c.names()).containsExactly("t");
        assertThat(p.getEventType()).isEqualTo(XmlPullParser.Event.END_ELEMENT);
        assertThat(p.getName()).isEqualTo("r");
        XmlPullParser empty = parser("<r/>");
        ProvisioningXml.Children none = ProvisioningXml.children(empty, empty.getDepth(), "parameter");
        assertThat(none.nodes()).isEmpty();
        assertThat(none.names()).isEmpty();
    }

    @Test
    void childrenNeedTheirRequiredAttributes() throws Exception {
        XmlPullParser noName = parser("<r><parameter/></r>");
        assertThatThrownBy(() -> ProvisioningXml.children(noName, noName.getDepth(), "parameter"))
                .isInstanceOf(IotParseException.class);
        XmlPullParser noNode = parser("<r><node/></r>");
        assertThatThrownBy(() -> ProvisioningXml.children(noNode, noNode.getDepth(), "field"))
                .isInstanceOf(IotParseException.class);
    }

    @Test
    void textIsStrippedSkipsChildrenAndEndsOnTheEndTag() throws Exception {
        XmlPullParser p = parser("<t>  ab<x>ignored</x>cd \n</t>");
        assertThat(ProvisioningXml.text(p)).isEqualTo("abcd");
        assertThat(p.getEventType()).isEqualTo(XmlPullParser.Event.END_ELEMENT);
        assertThat(p.getName()).isEqualTo("t");
        assertThat(ProvisioningXml.text(parser("<t/>"))).isEmpty();
    }

    @Test
    void fieldTypesReadEveryFlagAndTheIdentityAlias() throws Exception {
        FieldTypes t = ProvisioningXml.fieldTypes(parser("<c momentary='true' status='false' all='true'/>"));
        assertThat(t.categories()).containsExactly(FieldCategory.MOMENTARY);
        assertThat(t.all()).isTrue();
        assertThat(t.historical()).isFalse();
        FieldTypes alias = ProvisioningXml.fieldTypes(
                parser("<c " + FieldCategory.IDENTITY_ALIAS + "='true' historical='true'/>"));
        assertThat(alias.categories()).containsExactly(FieldCategory.IDENTITY);
        assertThat(alias.historical()).isTrue();
        assertThat(alias.all()).isFalse();
        assertThatThrownBy(() -> ProvisioningXml.fieldTypes(parser("<c all='maybe'/>")))
                .isInstanceOf(IotParseException.class);
    }

    @Property(tries = 50)
    void fieldTypesRoundTrip(@ForAll boolean momentary, @ForAll boolean all, @ForAll boolean historical)
            throws Exception {
        EnumSet<FieldCategory> set = EnumSet.noneOf(FieldCategory.class);
        if (momentary) {
            set.add(FieldCategory.MOMENTARY);
        }
        set.add(FieldCategory.STATUS);
        FieldTypes t = new FieldTypes(set, all, historical);
        XmlStringBuilder xml = new XmlStringBuilder();
        xml.halfOpenElement("c");
        ProvisioningXml.writeFieldTypes(xml, t);
        xml.closeEmptyElement();
        assertThat(ProvisioningXml.fieldTypes(parser(xml.toString()))).isEqualTo(t);
        assertThat(xml.toString().contains("all=")).isEqualTo(all);
        assertThat(xml.toString().contains("historical=")).isEqualTo(historical);
    }

    @Test
    void base64IsStrictButIgnoresWhiteSpace() {
        assertThat(ProvisioningXml.decodeBase64("AQID")).containsExactly(1, 2, 3);
        assertThat(ProvisioningXml.decodeBase64(" AQ\nID ")).containsExactly(1, 2, 3);
        assertThat(ProvisioningXml.decodeBase64("AQ==")).containsExactly(1);
        assertThat(ProvisioningXml.decodeBase64("AQI=")).containsExactly(1, 2);
        assertThat(ProvisioningXml.decodeBase64("")).isEmpty();
        for (String bad : new String[] {"AQI", "A===", "AQ-_", "AQID=", "@@@@"}) {
            assertThatThrownBy(() -> ProvisioningXml.decodeBase64(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("base64");
        }
    }

    @Property(tries = 100)
    void everyByteStringRoundTripsThroughBase64(@ForAll byte[] bytes) {
        assertThat(ProvisioningXml.decodeBase64(Base64.getMimeEncoder().encodeToString(bytes)))
                .isEqualTo(bytes);
    }

    @Test
    void privilegeIdsAreDotSeparatedNonEmptyParts() throws Exception {
        assertThat(ProvisioningXml.privilegeId("a")).isEqualTo("a");
        assertThat(ProvisioningXml.privilegeId("a.b.c")).isEqualTo("a.b.c");
        for (String bad : new String[] {"", ".", "a.", ".a", "a..b", null}) {
            assertThatThrownBy(() -> ProvisioningXml.privilegeId(bad))
                    .as(String.valueOf(bad))
                    .isInstanceOf(IotParseException.class)
                    .hasMessageContaining("not a privilege id");
        }
    }

    @Test
    void anUnfinishedDocumentIsAnXmlError() throws Exception {
        XmlPullParser p = parser("<r><node nodeId='n'/></r>");
        p.next(); // onto <node/>
        p.next(); // its end
        p.next(); // </r>
        assertThatThrownBy(() -> ProvisioningXml.children(p, 5, "field")).isInstanceOf(XmlPullParserException.class);
    }
}

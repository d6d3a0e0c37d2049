package io.github.xmppiot.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.xml.MalformedRequest;
import io.github.xmppiot.core.xml.XmlCompare;
import io.github.xmppiot.discovery.element.Found;
import io.github.xmppiot.discovery.element.Search;
import io.github.xmppiot.discovery.provider.DiscoveryProviders;
import io.github.xmppiot.testkit.XepExamples;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/** Every XEP-0347 example: XML ones parse with our providers and round-trip as XML; text ones are interpreted. */
class XepExamplesTest {

    private static final List<Integer> NOT_XML = List.of(1, 2, 4, 5, 6, 7, 8, 14);

    @BeforeAll
    static void providers() {
        DiscoveryProviders.register();
    }

    static IntStream xmlExamples() {
        return IntStream.rangeClosed(9, 61).filter(n -> n != 14);
    }

    @ParameterizedTest(name = "example {0}")
    @MethodSource("xmlExamples")
    void xmlExampleParsesAndRoundTrips(int number) throws Exception {
        List<Element> elements = elements(number);
        assertThat(elements).isNotEmpty();
        for (Element e : elements) {
            if (!"iq".equals(e.getLocalName())) {
                continue; // example 9: registry parameter template, XML but no stanza
            }
            Stanza stanza = PacketParserUtils.parseStanza(XepExamples.serialize(e));
            assertThat(stanza).isInstanceOf(IQ.class);
            Element payload = XepExamples.firstChild(e);
            if (payload == null || !"urn:xmpp:iot:discovery".equals(payload.getNamespaceURI())) {
                continue;
            }
            assertThat(stanza).as("example %d parsed", number).isNotInstanceOf(MalformedRequest.class);
            if (number == 41 || number == 42) {
                XepExamples.removeElisions(payload);
            }
            String ours = ((IQ) stanza).getChildElementXML().toString();
            assertThat(XmlCompare.difference(XepExamples.serialize(payload), ours))
                    .as("example %d", number)
                    .isEmpty();
        }
    }

    @Test
    void example3IsMalformedByDesign() {
        assertThatThrownBy(() -> elements(3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void example40IsTheSearchWithSixOperators() throws Exception {
        Search s = (Search)
                PacketParserUtils.parseStanza(XepExamples.serialize(elements(40).get(0)));
        assertThat(s.operators())
                .extracting(SearchOperator::elementName)
                .containsExactly("strEq", "strEq", "strMask", "numRange", "numRange", "numRange");
        assertThat(s.maxCount()).contains(20);
        NumericRange v = (NumericRange) s.operators().get(3);
        assertThat(v.test(MetaTag.num("V", "1.2"))).isTrue();
        assertThat(v.test(MetaTag.num("V", "2"))).isFalse();
        assertThat(s.operators().get(2).test(MetaTag.str("SN", "394872348732948723")))
                .isTrue();
    }

    @Test
    void example41FoundThingCarriesTags() throws Exception {
        Element iq = elements(41).get(0);
        XepExamples.removeElisions(XepExamples.firstChild(iq));
        Found f = (Found) PacketParserUtils.parseStanza(XepExamples.serialize(iq));
        FoundThing t = f.result().things().get(0);
        assertThat(t.owner().toString()).isEqualTo("owner@example.org");
        assertThat(t.tag("lon")).contains(MetaTag.num("LON", "-71.519722"));
        assertThat(f.result().more()).isFalse();
    }

    @Test
    void example14IsTheClaimStringOfExample15() {
        String claim = text(14).strip();
        List<MetaTag> tags = ClaimUri.decode(claim);
        assertThat(tags)
                .containsExactly(
                        MetaTag.str("SN", "394872348732948723"),
                        MetaTag.str("MAN", "www.ktc.se"),
                        MetaTag.str("MODEL", "IMC"),
                        MetaTag.num("V", "1.2"),
                        MetaTag.str("KEY", "4857402340298342"));
        assertThat(ClaimUri.encode(tags)).isEqualTo(claim);
    }

    @Test
    void example7TxtRecordNamesRegistryAndProvisioning() {
        Map<String, String> txt = XmppServerAdvert.parseTxt(text(7).lines().toList());
        XmppServerAdvert a = new XmppServerAdvert("pronto", "pronto.local.", 5222, txt);
        assertThat(a.txtVersion()).contains("1");
        assertThat(a.registries()).extracting(Object::toString).containsExactly("registry@example.com");
        assertThat(a.provisioningServers()).extracting(Object::toString).containsExactly("provisioning@example.com");
    }

    @Test
    void example8QuotedTxtStringsGiveTheSameRecord() {
        List<String> quoted = text(8).lines()
                .map(String::strip)
                .filter(l -> l.startsWith("\""))
                .toList();
        assertThat(quoted).hasSize(4);
        assertThat(XmppServerAdvert.parseTxt(quoted))
                .isEqualTo(XmppServerAdvert.parseTxt(text(7).lines().toList()));
    }

    @Test
    void textExamplesAreNotXml() {
        for (int n : NOT_XML) {
            String text = text(n);
            assertThat(text).as("example %d", n).isNotBlank();
            List<Element> elements;
            try {
                elements = elements(n);
            } catch (IllegalArgumentException notWellFormed) {
                continue; // examples 1 and 6 contain <...> placeholders
            }
            assertThat(elements).as("example %d holds no element", n).isEmpty();
        }
    }

    private static String text(int number) {
        return XepExamples.text(XepExamples.file(347, number));
    }

    private static List<Element> elements(int number) {
        return XepExamples.stanzaElements(XepExamples.file(347, number));
    }
}

package io.github.xmppiot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The shared example loader, on made-up examples of a "XEP-9999" in this module's test resources. */
class XepExamplesTest {

    @Test
    void filesListsEveryExampleOnceAndPrefersTheFixedCopy() {
        assertThat(XepExamples.files(9999))
                .containsExactly(
                        "xep-9999-example-01.xml", "xep-9999-example-02-fixed.xml", "xep-9999-example-03-fixed.xml");
        assertThat(XepExamples.file(9999, 3)).isEqualTo("xep-9999-example-03-fixed.xml");
        assertThat(XepExamples.files(1234)).isEmpty();
        assertThatThrownBy(() -> XepExamples.file(9999, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xep-9999-example-04.xml")
                .hasMessageContaining("src/test/resources");
    }

    @Test
    void stanzasAreSplitAndParsedBySmack() throws Exception {
        List<Stanza> stanzas = XepExamples.stanzas("xep-9999-example-01.xml");
        assertThat(stanzas).hasSize(2);
        assertThat(stanzas.get(0)).isInstanceOf(IQ.class);
        assertThat(stanzas.get(0).getStanzaId()).isEqualTo("1");
        assertThat(((Message) stanzas.get(1)).getBody()).isEqualTo("done");
        assertThat(XepExamples.parseStanza("<iq type='result' id='7'/>").getStanzaId())
                .isEqualTo("7");
    }

    @Test
    void aStanzaWithAnAddressSmackRefusesIsNull() throws Exception {
        List<Stanza> stanzas =
                XepExamples.parseStanzas("<message from='\n  primary@example.org/amr'><body>x</body></message>"
                        + "<message from='ok@example.org'><body>y</body></message>");
        assertThat(stanzas).hasSize(2);
        assertThat(stanzas.get(0)).isNull();
        assertThat(((Message) stanzas.get(1)).getBody()).isEqualTo("y");
    }

    @Test
    void domHelpersFindPayloadsRemoveElisionsAndSerialize() {
        List<Element> stanzas = XepExamples.stanzaElements("xep-9999-example-01.xml");
        assertThat(stanzas).extracting(Element::getLocalName).containsExactly("iq", "message");
        Element q = XepExamples.firstChild(stanzas.get(0));
        assertThat(XepExamples.children(stanzas.get(0), "urn:example:q")).containsExactly(q);
        assertThat(XepExamples.children(stanzas.get(1), "urn:example:q")).isEmpty();
        XepExamples.removeElisions(q);
        String xml = XepExamples.serialize(q);
        assertThat(xml)
                .startsWith("<q xmlns=\"urn:example:q\">")
                .doesNotContain("...\n")
                .contains("<item name=\"b\">...</item>");
        assertThat(XepExamples.firstChild(XepExamples.parse("<empty/>"))).isNull();
        assertThatThrownBy(() -> XepExamples.stanzaElements("xep-9999-example-03.xml"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

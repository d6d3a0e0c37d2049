package io.github.xmppiot.core.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class XmlCompareTest {

    @Test
    void ignoresPrefixesAttributeOrderAndIndentation() {
        String a = "<a:x xmlns:a='urn:n' p='1' q='2'>\n  <a:y>t</a:y>\n</a:x>";
        String b = "<x xmlns='urn:n' q='2' p='1'><y> t </y></x>";
        assertThat(XmlCompare.equivalent(a, b)).isTrue();
    }

    @Test
    void reportsTheFirstDifference() {
        assertThat(XmlCompare.difference("<x a='1'/>", "<x a='2'/>"))
                .get()
                .asString()
                .contains("attributes differ");
        assertThat(XmlCompare.difference("<x xmlns='urn:a'/>", "<x xmlns='urn:b'/>"))
                .get()
                .asString()
                .contains("urn:b");
        assertThat(XmlCompare.difference("<x><y/><z/></x>", "<x><z/><y/></x>")).isPresent();
        assertThat(XmlCompare.difference("<x><y/></x>", "<x/>"))
                .get()
                .asString()
                .contains("missing <y/>");
        assertThat(XmlCompare.difference("<x>1</x>", "<x>2</x>"))
                .get()
                .asString()
                .contains("text expected '1'");
    }

    @Test
    void rejectsDoctypesAndBrokenXml() {
        assertThatThrownBy(() -> XmlCompare.parse("<!DOCTYPE x [<!ENTITY e 'boom'>]><x>&e;</x>"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> XmlCompare.parse("<x>")).isInstanceOf(IllegalArgumentException.class);
    }
}

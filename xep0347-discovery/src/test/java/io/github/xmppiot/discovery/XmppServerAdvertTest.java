package io.github.xmppiot.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** The DNS-SD advert of an XMPP server and its TXT keys (XEP-0347 §3.2). */
class XmppServerAdvertTest {

    @Test
    void aMissingHostOrInstanceIsRefused() {
        assertThatThrownBy(() -> new XmppServerAdvert("i", null, 5222, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("host is missing");
        assertThatThrownBy(() -> new XmppServerAdvert("i", " ", 5222, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("host is missing");
        assertThatThrownBy(() -> new XmppServerAdvert(null, "h", 5222, Map.of()))
                .isInstanceOf(NullPointerException.class);
    }

    @Property
    void portsOutsideOneTo65535AreRefused(@ForAll @IntRange(min = -70_000, max = 70_000) int port) {
        if (port >= 1 && port <= 65535) {
            assertThat(new XmppServerAdvert("i", "h", port, Map.of()).port()).isEqualTo(port);
        } else {
            assertThatThrownBy(() -> new XmppServerAdvert("i", "h", port, Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("port out of range: " + port);
        }
    }

    @Test
    void txtKeysAreLowerCasedAndTheMapIsUnmodifiable() {
        XmppServerAdvert a = new XmppServerAdvert("i", "h", 5222, Map.of("TxtVers", "1"));
        assertThat(a.txt()).containsExactly(Map.entry("txtvers", "1"));
        assertThat(a.txtVersion()).contains("1");
        assertThat(new XmppServerAdvert("i", "h", 5222, Map.of()).txtVersion()).isEmpty();
        assertThatThrownBy(() -> a.txt().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void parseTxtKeepsTheFirstValueOfAKeyAndSkipsEmptyEntries() {
        Map<String, String> txt =
                XmppServerAdvert.parseTxt(List.of(" \"A=1\" ", "a=2", "", "=x", "\"\"", "flag", "b=x=y", "\"c"));
        assertThat(txt)
                .containsExactly(
                        Map.entry("a", "1"), Map.entry("flag", ""), Map.entry("b", "x=y"), Map.entry("\"c", ""));
        assertThat(XmppServerAdvert.parseTxt(List.of("\""))).containsExactly(Map.entry("\"", ""));
    }

    @Test
    void theDomainIsOrdomOrTheHostWithoutItsTrailingDot() {
        assertThat(new XmppServerAdvert("i", "pronto.local.", 5222, Map.of()).xmppDomain())
                .isEqualTo("pronto.local");
        assertThat(new XmppServerAdvert("i", "pronto.local", 5222, Map.of()).xmppDomain())
                .isEqualTo("pronto.local");
        assertThat(new XmppServerAdvert("i", "h.", 5222, Map.of("ordom", " example.org ")).xmppDomain())
                .isEqualTo("example.org");
        assertThat(new XmppServerAdvert("i", "h.", 5222, Map.of("ordom", "  ")).xmppDomain())
                .isEqualTo("h");
    }

    @Test
    void registriesAndProvisioningServersAreBareJidsInTheDomain() throws Exception {
        XmppServerAdvert a =
                new XmppServerAdvert("i", "h.local.", 5222, Map.of("regis", " reg  other@x.org ", "provis", "prov"));
        assertThat(a.registries())
                .containsExactly(JidCreate.bareFrom("reg@h.local"), JidCreate.bareFrom("other@x.org"));
        assertThat(a.provisioningServers()).containsExactly(JidCreate.bareFrom("prov@h.local"));
        assertThat(new XmppServerAdvert("i", "h", 5222, Map.of()).registries()).isEmpty();
    }

    @Test
    void anUnusableNameIsSkippedAndTheOthersKept() throws Exception {
        // a local part longer than the 1023 bytes RFC 7622 allows cannot become a JID
        XmppServerAdvert a = new XmppServerAdvert("i", "h", 5222, Map.of("regis", "x".repeat(1100) + " ok"));
        assertThat(a.registries()).containsExactly(JidCreate.bareFrom("ok@h"));
    }
}

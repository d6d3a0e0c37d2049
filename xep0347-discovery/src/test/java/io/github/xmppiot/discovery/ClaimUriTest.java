package io.github.xmppiot.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.meta.MetaTag;
import io.nayuki.qrcodegen.QrCode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The IoTDisco claim string (XEP-0347 §3.9, CHECKLIST 347-9) and its QR rendering. */
class ClaimUriTest {

    @Test
    void semicolonsAndBackslashesInValuesAreEscaped() {
        List<MetaTag> tags =
                List.of(MetaTag.str("NAME", "a;b\\c:d"), MetaTag.num("V", "-1e3"), MetaTag.str("ROOM", ""));
        String claim = ClaimUri.encode(tags);
        assertThat(claim).isEqualTo("IoTDisco;NAME:a\\;b\\\\c:d;#V:-1e3;ROOM:");
        assertThat(ClaimUri.decode(claim)).isEqualTo(tags);
    }

    @Test
    void brokenClaimStringsAreRefused() {
        assertThatThrownBy(() -> ClaimUri.decode("IoTDiscx;SN:1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClaimUri.decode("Other;SN:1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClaimUri.decode("IoTDisco;SN")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClaimUri.decode("IoTDisco;SN:1\\")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClaimUri.decode("IoTDisco;#V:abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClaimUri.decode("IoTDisco;A B:1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ClaimUri.decode("IoTDisco")).isEmpty();
    }

    @Test
    void halfBlocksCarryTwoModulesPerCharacter() {
        boolean[][] m = {{true, false, true}, {true, true, false}, {false, true, false}};
        String r = QrTerminal.render(3, (x, y) -> m[y][x], true);
        List<String> lines = r.lines().toList();
        assertThat(lines).hasSize(4).allSatisfy(l -> assertThat(l).hasSize(7));
        // line 0: quiet zone; line 1: module rows 0 (top) and 1 (bottom); line 2: module row 2 and quiet zone
        assertThat(lines.get(0)).isBlank();
        assertThat(lines.get(1).substring(2, 5)).isEqualTo("\u2588\u2584\u2580");
        assertThat(lines.get(2).substring(2, 5)).isEqualTo(" \u2580 ");
        assertThat(QrTerminal.render(3, (x, y) -> m[y][x], false)
                        .lines()
                        .toList()
                        .get(0))
                .isEqualTo("\u2588".repeat(7));
    }

    @Test
    void renderedQrCodeDecodesToTheEncodedModules() {
        String claim = ClaimUri.encode(
                List.of(MetaTag.str("SN", "394872348732948723"), MetaTag.str("KEY", "4857402340298342")));
        QrCode qr = QrCode.encodeText(claim, QrCode.Ecc.MEDIUM);
        List<String> lines = QrTerminal.render(claim, true).lines().toList();
        int total = qr.size + 4;
        assertThat(lines).hasSize((total + 1) / 2);
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                int row = y + 2;
                char c = lines.get(row / 2).charAt(x + 2);
                boolean dark = row % 2 == 0 ? c == '\u2580' || c == '\u2588' : c == '\u2584' || c == '\u2588';
                assertThat(dark).as("module %d,%d", x, y).isEqualTo(qr.getModule(x, y));
            }
        }
    }

    @Test
    void printClaimPrintsTheStringAndTheCode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<MetaTag> tags = List.of(MetaTag.str("SN", "1"), MetaTag.str("KEY", "k"));
        String claim = ThingDiscoveryManager.printClaim(new PrintStream(bytes, true, StandardCharsets.UTF_8), tags);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(claim).isEqualTo("IoTDisco;SN:1;KEY:k");
        assertThat(printed).startsWith(claim + System.lineSeparator()).contains("\u2588");
    }
}

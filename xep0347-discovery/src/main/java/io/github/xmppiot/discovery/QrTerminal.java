package io.github.xmppiot.discovery;

import io.github.xmppiot.core.internal.OptionalDependency;
import io.nayuki.qrcodegen.QrCode;
import java.util.function.BiPredicate;

/**
 * Renders the claim string of XEP-0347 §3.9 as a QR code (UTF-8, error correction level M) with Unicode half blocks,
 * so a Thing without a display can show it on a terminal: each character cell holds two modules, one above the other.
 * Dark modules are drawn as blank cells on a light quiet zone, so the code scans on dark terminal themes
 * ({@code inverted = false}); pass {@code inverted = true} for light themes.
 *
 * @since 0.1.0
 */
public final class QrTerminal {

    private static final int QUIET_ZONE = 2;

    private QrTerminal() {}

    /**
     * Encodes a text as a QR code and renders it.
     *
     * @param text     the text, e.g. a claim string from {@link ClaimUri#encode}
     * @param inverted false to draw light modules as blocks (dark terminal), true to draw dark modules as blocks
     * @return the rendering, lines separated by {@code \n}
     */
    public static String render(String text, boolean inverted) {
        OptionalDependency.require("io.nayuki.qrcodegen.QrCode", "io.nayuki:qrcodegen", "QrTerminal");
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        return render(qr.size, qr::getModule, inverted);
    }

    /**
     * Renders a square module matrix with half blocks and a quiet zone of two modules.
     *
     * @param size     number of modules per side
     * @param dark     whether the module at (x, y) is dark; called only for 0 &lt;= x, y &lt; size
     * @param inverted false to draw light modules as blocks, true to draw dark modules as blocks
     * @return the rendering, {@code (size + 4 + 1) / 2} lines of {@code size + 4} characters
     */
    public static String render(int size, BiPredicate<Integer, Integer> dark, boolean inverted) {
        int total = size + 2 * QUIET_ZONE;
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < total; y += 2) {
            for (int x = 0; x < total; x++) {
                boolean top = block(size, dark, x - QUIET_ZONE, y - QUIET_ZONE, inverted);
                boolean bottom = y + 1 < total && block(size, dark, x - QUIET_ZONE, y + 1 - QUIET_ZONE, inverted);
                sb.append(top ? (bottom ? '\u2588' : '\u2580') : (bottom ? '\u2584' : ' '));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static boolean block(int size, BiPredicate<Integer, Integer> dark, int x, int y, boolean inverted) {
        boolean isDark = x >= 0 && y >= 0 && x < size && y < size && dark.test(x, y);
        return isDark == inverted;
    }
}

package io.github.xmppiot.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions of the web libraries the pages load, written into the resources by the build. */
final class ConsoleVersions {

    /** The uPlot WebJar version. */
    static final String UPLOT = load().getProperty("uplot.version");

    private ConsoleVersions() {}

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = ConsoleVersions.class.getResourceAsStream("console.properties")) {
            if (in == null) {
                throw new IllegalStateException("console.properties missing from the console's jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}

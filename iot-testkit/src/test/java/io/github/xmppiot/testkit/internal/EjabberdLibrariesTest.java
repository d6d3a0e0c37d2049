package io.github.xmppiot.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.testkit.EjabberdNotInstalledException;
import io.github.xmppiot.testkit.EjabberdServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the kit finds ejabberd's Erlang applications from its {@code ejabberdctl} script. */
class EjabberdLibrariesTest {

    @TempDir
    Path dir;

    Path ctl(String text) throws IOException {
        Path ctl = dir.resolve("ejabberdctl");
        Files.writeString(ctl, text);
        Files.setPosixFilePermissions(ctl, PosixFilePermissions.fromString("rwx------"));
        return ctl;
    }

    @Test
    void theFirstErlLibsLineNamingADirectoryIsUsedWithItsQuotesRemoved() throws IOException {
        Path libs = Files.createDirectories(dir.resolve("lib/ejabberd"));
        Path ctl = ctl("#!/bin/sh\nERL_LIBS=/nonexistent/lib\n  ERL_LIBS='" + libs + "'\nERL_LIBS=\"" + dir + "\"\n");

        assertThat(EjabberdInstance.erlLibs(ctl)).contains(libs);
        assertThat(EjabberdInstance.erlLibs(ctl("ERL_LIBS=\"" + libs + "\"\n"))).contains(libs);
    }

    @Test
    void aScriptWithoutAUsableLineGivesNothingAndAMissingOneFails() throws IOException {
        assertThat(EjabberdInstance.erlLibs(ctl("#!/bin/sh\nexport ERL_LIBS\nERL_LIBS=/nonexistent\n")))
                .isEmpty();
        assertThatThrownBy(() -> EjabberdInstance.erlLibs(dir.resolve("missing")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("Cannot read " + dir.resolve("missing"));
    }

    @Test
    void aScriptWithoutErlLibsIsReportedWithTheInstallCommand() throws IOException {
        Path ctl = ctl("#!/bin/sh\necho not ejabberd\n");
        String previous = System.getProperty(EjabberdServer.EJABBERDCTL_PROPERTY);
        System.setProperty(EjabberdServer.EJABBERDCTL_PROPERTY, ctl.toString());
        try {
            assertThatThrownBy(EjabberdServer::ejabberdLibraries)
                    .isInstanceOf(EjabberdNotInstalledException.class)
                    .hasMessageContaining("Cannot tell from " + ctl)
                    .hasMessageContaining("sudo apt-get install -y ejabberd");
        } finally {
            if (previous == null) {
                System.clearProperty(EjabberdServer.EJABBERDCTL_PROPERTY);
            } else {
                System.setProperty(EjabberdServer.EJABBERDCTL_PROPERTY, previous);
            }
        }
    }
}

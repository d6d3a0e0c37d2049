package io.github.xmppiot.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Without ejabberd the kit fails with the exact command that installs it and the switch that skips the tests. */
class MissingEjabberdTest {

    @Test
    void aMissingEjabberdNamesTheInstallCommandAndTheSkipSwitch() {
        String previous = System.getProperty(EjabberdServer.EJABBERDCTL_PROPERTY);
        System.setProperty(EjabberdServer.EJABBERDCTL_PROPERTY, "/nonexistent/ejabberdctl");
        try {
            assertThatThrownBy(EjabberdServer::start)
                    .isInstanceOf(EjabberdNotInstalledException.class)
                    .hasMessageContaining("/nonexistent/ejabberdctl")
                    .hasMessageContaining("sudo apt-get install -y ejabberd")
                    .hasMessageContaining("scripts/test-deps.sh")
                    .hasMessageContaining("-Dxmpp.it.skip=true");
        } finally {
            if (previous == null) {
                System.clearProperty(EjabberdServer.EJABBERDCTL_PROPERTY);
            } else {
                System.setProperty(EjabberdServer.EJABBERDCTL_PROPERTY, previous);
            }
        }
    }
}

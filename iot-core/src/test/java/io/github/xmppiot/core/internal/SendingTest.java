package io.github.xmppiot.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.LogCapture;
import java.lang.reflect.Proxy;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.DummyConnection;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Sending#sendOrLog} sends, or says in the log what was lost, and never loses an interrupt. */
class SendingTest {

    private final Logger logger = Logger.getLogger(SendingTest.class.getName() + ".log");
    private LogCapture log;

    @BeforeEach
    void record() {
        log = LogCapture.of(logger, Level.ALL);
    }

    @AfterEach
    void stopRecording() {
        log.close();
        Thread.interrupted();
    }

    @Test
    void aConnectedConnectionTakesTheStanzaAndNothingIsLogged() throws Exception {
        DummyConnection c = new DummyConnection();
        c.connect().login();
        Message m = c.getStanzaFactory().buildMessageStanza().setBody("hi").build();

        assertThat(Sending.sendOrLog(c, m, logger, "a greeting")).isTrue();

        Stanza sent = c.getSentPacket();
        assertThat(sent).isSameAs(m);
        assertThat(log.records()).isEmpty();
    }

    @Test
    void aConnectionThatIsGoneIsLoggedWithWhatWasNotSent() {
        DummyConnection c = new DummyConnection();
        Message m = c.getStanzaFactory().buildMessageStanza().setBody("hi").build();

        assertThat(Sending.sendOrLog(c, m, logger, "a greeting")).isFalse();

        assertThat(log.records()).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.FINE);
            assertThat(r.getMessage()).contains("a greeting");
            assertThat(r.getThrown()).isInstanceOf(SmackException.NotConnectedException.class);
        });
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void anInterruptedSenderKeepsItsInterrupt() {
        XMPPConnection interrupting = (XMPPConnection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {XMPPConnection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendStanza")) {
                        throw new InterruptedException("stop");
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        Message m =
                new DummyConnection().getStanzaFactory().buildMessageStanza().build();

        assertThat(Sending.sendOrLog(interrupting, m, logger, "an answer")).isFalse();

        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(log.records()).singleElement().satisfies(r -> {
            assertThat(r.getMessage()).contains("an answer");
            assertThat(r.getThrown()).isInstanceOf(InterruptedException.class);
        });
    }
}

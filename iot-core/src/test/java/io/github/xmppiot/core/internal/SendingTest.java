package io.github.xmppiot.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
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

    private final Logger log = Logger.getLogger(SendingTest.class.getName() + ".log");
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void record() {
        log.setLevel(Level.ALL);
        log.setUseParentHandlers(false);
        log.addHandler(recorder);
    }

    @AfterEach
    void stopRecording() {
        log.removeHandler(recorder);
        Thread.interrupted();
    }

    @Test
    void aConnectedConnectionTakesTheStanzaAndNothingIsLogged() throws Exception {
        DummyConnection c = new DummyConnection();
        c.connect().login();
        Message m = c.getStanzaFactory().buildMessageStanza().setBody("hi").build();

        assertThat(Sending.sendOrLog(c, m, log, "a greeting")).isTrue();

        Stanza sent = c.getSentPacket();
        assertThat(sent).isSameAs(m);
        assertThat(records).isEmpty();
    }

    @Test
    void aConnectionThatIsGoneIsLoggedWithWhatWasNotSent() {
        DummyConnection c = new DummyConnection();
        Message m = c.getStanzaFactory().buildMessageStanza().setBody("hi").build();

        assertThat(Sending.sendOrLog(c, m, log, "a greeting")).isFalse();

        assertThat(records).singleElement().satisfies(r -> {
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

        assertThat(Sending.sendOrLog(interrupting, m, log, "an answer")).isFalse();

        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.getMessage()).contains("an answer");
            assertThat(r.getThrown()).isInstanceOf(InterruptedException.class);
        });
    }
}

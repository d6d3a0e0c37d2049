package io.github.xmppiot.core.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.LogCapture;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jivesoftware.smack.parsing.ExceptionThrowingCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The log lines of dropped stanzas: a minute is a new window exactly, a line shows at most
 * {@value UnparsableStanzas#LOGGED_CHARS} characters of the stanza, and messages say so at level FINE.
 */
class UnparsableStanzasLogTest {

    private static final Exception CAUSE = new IllegalArgumentException("bad value");
    private static final Logger LOG = Logger.getLogger(UnparsableStanzas.class.getName());

    private LogCapture capture;

    @BeforeEach
    void capture() {
        capture = LogCapture.of(LOG, Level.FINE);
    }

    @AfterEach
    void release() {
        capture.close();
    }

    private List<LogRecord> at(Level level) {
        return capture.at(level);
    }

    @Test
    void aNewWindowStartsExactlyOneMinuteLater() throws Exception {
        AtomicLong now = new AtomicLong(5);
        UnparsableStanzas callback = new UnparsableStanzas(FakeConnection.online(), now::get);
        for (int i = 0; i <= UnparsableStanzas.WARNINGS_PER_MINUTE; i++) {
            callback.handle("<iq type='result' id='r" + i + "'/>", CAUSE);
        }
        assertThat(at(Level.WARNING)).hasSize(UnparsableStanzas.WARNINGS_PER_MINUTE);

        now.addAndGet(TimeUnit.MINUTES.toNanos(1) - 1);
        callback.handle("<iq type='result' id='late'/>", CAUSE);
        assertThat(at(Level.WARNING)).as("still the first minute").hasSize(UnparsableStanzas.WARNINGS_PER_MINUTE);

        now.addAndGet(1);
        callback.handle("<iq type='result' id='next'/>", CAUSE);
        List<LogRecord> warnings = at(Level.WARNING);
        assertThat(warnings).hasSize(UnparsableStanzas.WARNINGS_PER_MINUTE + 2);
        assertThat(warnings.get(UnparsableStanzas.WARNINGS_PER_MINUTE).getMessage())
                .startsWith("2 more unparsable stanzas");
        assertThat(warnings.get(UnparsableStanzas.WARNINGS_PER_MINUTE + 1).getMessage())
                .contains("id='next'");
        assertThat(callback.dropped()).isEqualTo(UnparsableStanzas.WARNINGS_PER_MINUTE + 3);
    }

    @Test
    void aStanzaOfExactlyTheLoggedLengthIsShownWhole() throws Exception {
        UnparsableStanzas callback = new UnparsableStanzas(FakeConnection.online());
        String head = "<iq type='result' id='x'>";
        String whole = head + "a".repeat(UnparsableStanzas.LOGGED_CHARS - head.length());
        callback.handle(whole, CAUSE);
        callback.handle(whole + "b", CAUSE);
        List<LogRecord> warnings = at(Level.WARNING);
        assertThat(warnings.get(0).getMessage()).endsWith(whole);
        assertThat(warnings.get(1).getMessage()).endsWith(whole + "…");
    }

    @Test
    void aMessageIsLoggedAsAMessageAtFine() throws Exception {
        FakeConnection c = FakeConnection.online();
        UnparsableStanzas callback = new UnparsableStanzas(c);
        callback.handle("<message id='m'><fields xmlns='urn:xmpp:iot:sensordata'/></message>", CAUSE);
        assertThat(at(Level.WARNING)).isEmpty();
        assertThat(at(Level.FINE)).singleElement().satisfies(r -> {
            assertThat(r.getMessage()).startsWith("Dropped a message that cannot be parsed");
            assertThat(r.getThrown()).isSameAs(CAUSE);
        });
        assertThat(c.drainSent()).as("nobody waits for an answer").isEmpty();
        assertThat(callback.dropped()).isEqualTo(1);
    }

    @Test
    void anUnparsableRequestOnAnyConnectionIsAnswered() throws Exception {
        FakeConnection c = FakeConnection.online();
        UnparsableStanzas callback = new UnparsableStanzas(c);
        callback.handle("<iq type='get' id='q' from='owner@example.org/app'><x xmlns='y'/></iq>", CAUSE);
        assertThat(c.drainSent())
                .singleElement()
                .satisfies(s -> assertThat(s.getStanzaId()).isEqualTo("q"));
        assertThat(at(Level.WARNING))
                .singleElement()
                .satisfies(r -> assertThat(r.getMessage())
                        .startsWith("Dropped a stanza that cannot be parsed (" + CAUSE + ")"));
    }

    @Test
    void installingReplacesSmacksDefaultOnceOnly() {
        FakeConnection c = new FakeConnection();
        c.setParsingExceptionCallback(new ExceptionThrowingCallback());
        UnparsableStanzas.installOn(c);
        assertThat(c.getParsingExceptionCallback()).isInstanceOf(UnparsableStanzas.class);
        var installed = c.getParsingExceptionCallback();
        UnparsableStanzas.installOn(c);
        assertThat(c.getParsingExceptionCallback()).isSameAs(installed);
    }
}

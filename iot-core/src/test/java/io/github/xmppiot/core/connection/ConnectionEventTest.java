package io.github.xmppiot.core.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a supervised connection tells its listeners, in the words the logs and the console show. */
class ConnectionEventTest {

    private static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void eachEventDescribesItself() {
        assertThat(new ConnectionEvent.Online(AT, "t@example.org/r").describe()).isEqualTo("online as t@example.org/r");
        assertThat(new ConnectionEvent.Offline(AT, null).describe()).isEqualTo("offline (closed)");
        assertThat(new ConnectionEvent.Offline(AT, new IOException("reset\nat line 2")).describe())
                .isEqualTo("offline: IOException: reset");
        assertThat(new ConnectionEvent.Reconnecting(AT, 3, Duration.ofMillis(1500)).describe())
                .isEqualTo("reconnecting in 1.5 s (attempt 3)");
        assertThat(new ConnectionEvent.Restored(AT, Duration.ofMillis(12_340), true, 2, "t@example.org/r").describe())
                .isEqualTo("back online after 12.3 s (stream resumed, attempt 2)");
        assertThat(new ConnectionEvent.Restored(AT, Duration.ZERO, false, 1, "t@example.org/r").describe())
                .isEqualTo("back online after 0.0 s (new session, attempt 1)");
        assertThat(new ConnectionEvent.GaveUp(AT, new IOException("x"), "not authorized").describe())
                .isEqualTo("gave up reconnecting: not authorized");
    }

    @Test
    void anOfflineEventTellsWhetherItWasAFailure() {
        IOException cause = new IOException("reset");
        assertThat(new ConnectionEvent.Offline(AT, cause).error()).containsSame(cause);
        assertThat(new ConnectionEvent.Offline(AT, null).error()).isEmpty();
        assertThat(new ConnectionEvent.Offline(AT, null).at()).isEqualTo(AT);
    }

    @Test
    void theRequiredPartsAreRequired() {
        assertThatThrownBy(() -> new ConnectionEvent.Online(null, "j")).hasMessage("at");
        assertThatThrownBy(() -> new ConnectionEvent.Online(AT, null)).hasMessage("jid");
        assertThatThrownBy(() -> new ConnectionEvent.Offline(null, null)).hasMessage("at");
        assertThatThrownBy(() -> new ConnectionEvent.Reconnecting(null, 1, Duration.ZERO))
                .hasMessage("at");
        assertThatThrownBy(() -> new ConnectionEvent.Reconnecting(AT, 1, null)).hasMessage("delay");
        assertThatThrownBy(() -> new ConnectionEvent.Restored(null, Duration.ZERO, true, 1, "j"))
                .hasMessage("at");
        assertThatThrownBy(() -> new ConnectionEvent.Restored(AT, null, true, 1, "j"))
                .hasMessage("downtime");
        assertThatThrownBy(() -> new ConnectionEvent.Restored(AT, Duration.ZERO, true, 1, null))
                .hasMessage("jid");
        assertThatThrownBy(() -> new ConnectionEvent.GaveUp(null, new IOException(), "r"))
                .hasMessage("at");
        assertThatThrownBy(() -> new ConnectionEvent.GaveUp(AT, null, "r")).hasMessage("cause");
        assertThatThrownBy(() -> new ConnectionEvent.GaveUp(AT, new IOException(), null))
                .hasMessage("reason");
    }

    @Test
    void theReasonIsTheFirstLineOfTheMessage() {
        assertThat(ConnectionLostException.reason(null)).isEqualTo("unknown");
        assertThat(ConnectionLostException.reason(new IOException())).isEqualTo("IOException");
        assertThat(ConnectionLostException.reason(new IOException("  "))).isEqualTo("IOException");
        assertThat(ConnectionLostException.reason(new IOException(" broken pipe \n more")))
                .isEqualTo("IOException: broken pipe");
        ConnectionLostException lost = new ConnectionLostException("lost", new IOException("x"));
        assertThat(lost).hasMessage("lost").hasCauseInstanceOf(IOException.class);
    }
}

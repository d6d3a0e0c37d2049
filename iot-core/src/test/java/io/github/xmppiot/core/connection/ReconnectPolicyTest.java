package io.github.xmppiot.core.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {

    private static final ReconnectPolicy P = ReconnectPolicy.defaults();

    @Test
    void firstRetryAtOnceThenExponentialUpToTheCap() {
        assertThat(P.delayBefore(1, () -> 0.0)).isZero();
        assertThat(P.delayBefore(2, () -> 0.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(P.delayBefore(3, () -> 0.0)).isEqualTo(Duration.ofMillis(1500));
        assertThat(P.delayBefore(4, () -> 0.0)).isEqualTo(Duration.ofMillis(2250));
        assertThat(P.withBackoff(2, 0).delayBefore(4, () -> 0.0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(P.delayBefore(12, () -> 0.0)).isLessThan(Duration.ofSeconds(60));
        assertThat(P.delayBefore(13, () -> 0.0)).isEqualTo(Duration.ofSeconds(60));
        assertThat(P.delayBefore(1_000_000, () -> 0.0)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void jitterShortensByAtMostItsFraction() {
        assertThat(P.delayBefore(3, () -> 0.999999)).isBetween(Duration.ofMillis(1200), Duration.ofMillis(1201));
        assertThat(P.delayBefore(20, () -> 0.5)).isEqualTo(Duration.ofSeconds(54));
        assertThat(P.withBackoff(2, 0).delayBefore(3, () -> 0.9)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void attemptLimitAndDisabled() {
        assertThat(P.allowsAttempt(1_000)).isTrue();
        assertThat(P.withMaxAttempts(3).allowsAttempt(2)).isTrue();
        assertThat(P.withMaxAttempts(3).allowsAttempt(3)).isFalse();
        assertThat(ReconnectPolicy.disabled().allowsAttempt(0)).isFalse();
        assertThat(ReconnectPolicy.disabled().streamManagement()).isTrue();
    }

    @Test
    void invalidSettingsAreRejectedByName() {
        assertThatThrownBy(() -> P.withDelays(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("initialDelay");
        assertThatThrownBy(() -> P.withDelays(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .hasMessageContaining("maxDelay");
        assertThatThrownBy(() -> P.withBackoff(0.5, 0)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> P.withBackoff(2, 1.5)).hasMessageContaining("jitter");
        assertThatThrownBy(() -> P.withMaxAttempts(-1)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> P.withKeepAlive(Duration.ofMillis(10))).hasMessageContaining("keepAlive");
        assertThatThrownBy(() -> P.delayBefore(0, () -> 0)).hasMessageContaining("attempt");
    }

    @Test
    void configDefaultsToReconnectAndPropertiesSetThePolicy() {
        Properties p = new Properties();
        p.setProperty(ConnectionProperties.JID, "a@example.org");
        p.setProperty(ConnectionProperties.PASSWORD, "x");
        assertThat(IotConnectionConfig.fromProperties(p).reconnectPolicy()).isEqualTo(ReconnectPolicy.defaults());
        p.setProperty(ConnectionProperties.RECONNECT_INITIAL_DELAY, "PT2S");
        p.setProperty(ConnectionProperties.RECONNECT_MAX_DELAY, "30000");
        p.setProperty(ConnectionProperties.RECONNECT_MAX_ATTEMPTS, "5");
        p.setProperty(ConnectionProperties.STREAM_MANAGEMENT, "false");
        p.setProperty(ConnectionProperties.KEEP_ALIVE, "0");
        ReconnectPolicy r = IotConnectionConfig.fromProperties(p).reconnectPolicy();
        assertThat(r.initialDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(r.maxDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(r.maxAttempts()).isEqualTo(5);
        assertThat(r.streamManagement()).isFalse();
        assertThat(r.keepAlive()).isZero();
        p.setProperty(ConnectionProperties.RECONNECT, "false");
        assertThat(IotConnectionConfig.fromProperties(p).reconnectPolicy().enabled())
                .isFalse();
        p.setProperty(ConnectionProperties.RECONNECT_MAX_DELAY, "PT1S");
        assertThatThrownBy(() -> IotConnectionConfig.fromProperties(p))
                .hasMessageContaining(ConnectionProperties.RECONNECT_MAX_DELAY);
        p.setProperty(ConnectionProperties.RECONNECT_MAX_DELAY, "soon");
        assertThatThrownBy(() -> IotConnectionConfig.fromProperties(p))
                .hasMessageContaining(ConnectionProperties.RECONNECT_MAX_DELAY);
    }

    @Test
    void eventsDescribeThemselvesOnOneLine() {
        var now = java.time.Instant.now();
        assertThat(new ConnectionEvent.Reconnecting(now, 2, Duration.ofMillis(1500)).describe())
                .isEqualTo("reconnecting in 1.5 s (attempt 2)");
        assertThat(new ConnectionEvent.Restored(now, Duration.ofMillis(2300), false, 3, "a@b/c").describe())
                .isEqualTo("back online after 2.3 s (new session, attempt 3)");
        assertThat(new ConnectionEvent.Offline(now, new java.io.IOException("reset\nmore")).describe())
                .isEqualTo("offline: IOException: reset");
        assertThat(new ConnectionEvent.Offline(now, null).describe()).isEqualTo("offline (closed)");
    }
}

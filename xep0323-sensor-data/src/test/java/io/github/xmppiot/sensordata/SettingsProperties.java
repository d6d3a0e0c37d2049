package io.github.xmppiot.sensordata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.sensordata.SensorDataServer.DoneMarker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * {@link SensorDataServerSettings} and {@link SensorDataClientSettings}: the builders keep every component, {@code
 * toBuilder()} round-trips, and out-of-range values are refused with a message naming the fix.
 */
class SettingsProperties {

    private static final ThingDirectory THINGS = new ThingDirectory();
    private static final HistoryStore STORE = new InMemoryHistoryStore();
    private static final AccessPolicy EVERYONE = AccessPolicy.allowEveryone();
    private static final IotExecutors OWN = IotExecutors.builder().name("own").build();

    @Provide
    Arbitrary<SensorDataServerSettings> serverSettings() {
        Arbitrary<Optional<AccessPolicy>> policy = Arbitraries.of(Optional.empty(), Optional.of(EVERYONE));
        Arbitrary<Clock> clock = Arbitraries.longs()
                .between(0, 4_000_000_000L)
                .map(s -> Clock.fixed(Instant.ofEpochSecond(s), ZoneOffset.ofHours((int) (s % 13))));
        Arbitrary<Integer> fields = Arbitraries.integers().between(1, 100_000);
        Arbitrary<Integer> chars = Arbitraries.integers().between(1024, 1 << 24);
        Arbitrary<Duration> timeout =
                Arbitraries.longs().between(1, 86_400_000L).map(Duration::ofMillis);
        Arbitrary<DoneMarker> marker = Arbitraries.of(DoneMarker.class);
        Arbitrary<Boolean> first = Arbitraries.of(true, false);
        Arbitrary<ReadoutLimits> limits = Arbitraries.integers()
                .between(1, 64)
                .map(n -> new ReadoutLimits(n, n, 2 * n, 2 * n, Duration.ofMinutes(n)));
        Arbitrary<IotExecutors> executors = Arbitraries.of(IotExecutors.shared(), OWN);
        return Combinators.combine(policy, clock, fields, chars, timeout, marker, first, limits)
                .as((p, c, f, ch, t, m, a, l) ->
                        new SensorDataServerSettings(THINGS, p, STORE, c, f, ch, t, m, a, l, IotExecutors.shared()))
                .flatMap(s -> executors.map(e -> s.toBuilder().executors(e).build()));
    }

    @Property(tries = 200)
    void serverSettingsRoundTripThroughTheirBuilder(@ForAll("serverSettings") SensorDataServerSettings s) {
        assertThat(s.toBuilder().build()).isEqualTo(s);
        SensorDataServerSettings.Builder b = SensorDataServerSettings.builder()
                .things(s.things())
                .historyStore(s.historyStore())
                .clock(s.clock())
                .messageLimits(s.maxFieldsPerMessage(), s.maxMessageChars())
                .readTimeout(s.readTimeout())
                .doneMarker(s.doneMarker())
                .acceptedFirst(s.acceptedFirst())
                .readoutLimits(s.readoutLimits())
                .executors(s.executors());
        s.accessPolicy().ifPresent(b::accessPolicy);
        assertThat(b.build()).as("each setter sets its component").isEqualTo(s);
    }

    @Property(tries = 100)
    void serverSettingsRefuseTooFewFieldsPerMessage(@ForAll @IntRange(min = -1000, max = 0) int n) {
        assertThatThrownBy(() -> SensorDataServerSettings.builder()
                        .messageLimits(n, 64 * 1024)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxFieldsPerMessage")
                .hasMessageContaining("messageLimits(n, c)");
    }

    @Property(tries = 100)
    void serverSettingsRefuseTooSmallMessages(@ForAll @IntRange(min = -10, max = 1023) int chars) {
        assertThatThrownBy(() -> SensorDataServerSettings.builder()
                        .messageLimits(10, chars)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxMessageChars")
                .hasMessageContaining("c >= 1024");
    }

    @Property(tries = 50)
    void timeoutsMustBePositive(@ForAll @LongRange(min = -100_000, max = 0) long millis) {
        assertThatThrownBy(() -> SensorDataServerSettings.builder()
                        .readTimeout(Duration.ofMillis(millis))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("readTimeout(Duration.ofSeconds(n))");
        assertThatThrownBy(() -> SensorDataClientSettings.builder()
                        .defaultTimeout(Duration.ofMillis(millis))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("defaultTimeout(Duration.ofSeconds(n))");
    }

    @Property(tries = 100)
    void clientSettingsRoundTripThroughTheirBuilder(
            @ForAll @LongRange(min = 1, max = 86_400_000L) long millis,
            @ForAll @IntRange(min = 1, max = 1_000_000) int queue,
            @ForAll boolean own) {
        SensorDataClientSettings s =
                new SensorDataClientSettings(Duration.ofMillis(millis), queue, own ? OWN : IotExecutors.shared());
        assertThat(s.toBuilder().build()).isEqualTo(s);
        assertThat(SensorDataClientSettings.builder()
                        .defaultTimeout(s.defaultTimeout())
                        .callbackQueue(s.callbackQueue())
                        .executors(s.executors())
                        .build())
                .isEqualTo(s);
        assertThatThrownBy(() -> s.toBuilder().callbackQueue(1 - queue).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("callbackQueue(n) with n >= 1");
    }

    @Example
    void defaultsAreTheDocumentedOnes() {
        SensorDataServerSettings d = SensorDataServerSettings.DEFAULTS;
        assertThat(d.accessPolicy()).as("friends of the connection").isEmpty();
        assertThat(d.historyStore()).isInstanceOf(InMemoryHistoryStore.class);
        assertThat(d.things().size()).isZero();
        assertThat(d.maxFieldsPerMessage()).isEqualTo(500);
        assertThat(d.maxMessageChars()).isEqualTo(64 * 1024);
        assertThat(d.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.doneMarker()).isEqualTo(DoneMarker.ATTRIBUTE);
        assertThat(d.acceptedFirst()).isFalse();
        assertThat(d.readoutLimits()).isEqualTo(ReadoutLimits.DEFAULT);
        assertThat(d.executors()).isSameAs(IotExecutors.shared());
        assertThat(SensorDataServerSettings.builder().build().things())
                .as("every builder starts with a directory of its own")
                .isNotSameAs(d.things());
        assertThat(SensorDataClientSettings.DEFAULTS.defaultTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(SensorDataClientSettings.DEFAULTS.callbackQueue()).isEqualTo(10_000);
        assertThat(SensorDataClientSettings.DEFAULTS.executors()).isSameAs(IotExecutors.shared());
    }

    @Example
    void nullComponentsAreRefusedWithTheFix() {
        assertThatThrownBy(() -> SensorDataServerSettings.DEFAULTS.toBuilder().things(null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SensorDataServerSettings(
                        null,
                        Optional.empty(),
                        STORE,
                        Clock.systemUTC(),
                        1,
                        1024,
                        Duration.ofSeconds(1),
                        DoneMarker.ATTRIBUTE,
                        false,
                        ReadoutLimits.DEFAULT,
                        IotExecutors.shared()))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("things(ThingDirectory.of(...))");
        assertThatThrownBy(() -> SensorDataServerSettings.DEFAULTS.toBuilder().accessPolicy(null))
                .hasMessageContaining("friendsOfConnection()");
    }
}

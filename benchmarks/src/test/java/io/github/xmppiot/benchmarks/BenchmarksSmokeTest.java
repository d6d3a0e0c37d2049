package io.github.xmppiot.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.control.element.SetRequest;
import io.github.xmppiot.core.xml.XmlCompare;
import org.jivesoftware.smack.packet.IQ;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs every JMH benchmark method once, outside JMH, so {@code mvn verify} notices when a benchmark breaks without
 * spending time measuring. Surefire sets {@value SmackIsolation#PROPERTY} as the JMH forks do.
 */
class BenchmarksSmokeTest {

    @BeforeAll
    static void smackExperimentalIsDisabled() {
        SmackIsolation.verifyDisabled();
    }

    @Test
    void fieldsBenchmarkParsesAndSerialisesTenFieldsBothWays() throws Exception {
        FieldsBenchmark b = new FieldsBenchmark();
        b.setUp();
        assertThat(b.parseOurs()).isEqualTo(b.ours);
        assertThat(b.parseOursSmackXml().fieldCount()).isEqualTo(FieldsBenchmark.FIELD_COUNT);
        assertThat(b.parseSmack()
                        .getNodes()
                        .get(0)
                        .getTimestampElements()
                        .get(0)
                        .getDataFields())
                .hasSize(FieldsBenchmark.FIELD_COUNT);
        assertThat(XmlCompare.equivalent(b.serialiseOurs(), b.oursXml)).isTrue();
        assertThat(b.serialiseSmack()).isEqualTo(b.smackXml);
    }

    @Test
    void controlSetBenchmarkParsesAndSerialisesEightParametersBothWays() throws Exception {
        ControlSetBenchmark b = new ControlSetBenchmark();
        b.setUp();
        assertThat(((SetRequest) b.parseOurs()).controlSet().parameters()).hasSize(ControlSetBenchmark.PARAMETER_COUNT);
        assertThat(((SetRequest) b.parseOursSmackXml()).controlSet().parameters())
                .hasSize(ControlSetBenchmark.PARAMETER_COUNT);
        assertThat(b.parseSmack().getSetData()).hasSize(ControlSetBenchmark.PARAMETER_COUNT);
        assertThat(b.serialiseOurs())
                .contains("<set xmlns='urn:xmpp:iot:control'>")
                .contains("name='Setpoint2'");
        assertThat(b.serialiseSmack())
                .contains("<set xmlns='urn:xmpp:iot:control'>")
                .contains("name='Setpoint2'");
    }

    @Test
    void searchResultBenchmarkParsesAndSerialisesAPageOfTwenty() throws Exception {
        SearchResultBenchmark b = new SearchResultBenchmark();
        b.setUp();
        assertThat(b.parse().result()).isEqualTo(b.found.result());
        assertThat(b.serialise()).contains("<found xmlns='urn:xmpp:iot:discovery' more='true'>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"async", "sync", "iot"})
    void handlerDispatchBenchmarkAnswersEveryRequestWithItsResult(String dispatch) throws Exception {
        HandlerDispatchBenchmark b = new HandlerDispatchBenchmark();
        b.dispatch = dispatch;
        b.setUp();
        try {
            for (int i = 0; i < 3; i++) {
                assertThat(b.roundTrip()).isInstanceOfSatisfying(IQ.class, iq -> {
                    assertThat(iq.getType()).isEqualTo(IQ.Type.result);
                    assertThat(iq.getStanzaId()).isEqualTo("bench-1");
                });
            }
        } finally {
            b.tearDown();
        }
    }

    @Test
    void statsTakeTheMedianAndTheNearestRank99thPercentile() {
        long[] samples = new long[100];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (100 - i) * 1000L;
        }
        Stats s = Stats.of(samples);
        assertThat(s.medianNanos()).isEqualTo(51_000L);
        assertThat(s.p99Nanos()).isEqualTo(99_000L);
        assertThat(s.count()).isEqualTo(100);
    }
}

package io.github.xmppiot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.ErrorIQ;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link FuzzProbe} between a stranger and a device on an in-memory {@link StanzaLink}. */
class FuzzProbeTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final String NS = "urn:example:probe";
    static final StanzaFuzz.Mutation NONE = new StanzaFuzz.Mutation(StanzaFuzz.Kind.WRONG_TYPE, 0, 0);

    StanzaLink link;
    StanzaLink.Peer stranger;
    StanzaLink.Peer device;

    @BeforeEach
    void wire() throws Exception {
        link = new StanzaLink();
        stranger = link.peer("stranger");
        device = link.peer("device");
        // the device answers <ask/> gets, refuses <ask/> sets and stays silent on <mute/> gets
        device.registerIQRequestHandler(
                new AbstractIqRequestHandler("ask", NS, IQ.Type.get, IQRequestHandler.Mode.sync) {
                    @Override
                    public IQ handleIQRequest(IQ request) {
                        return IQ.createResultIQ(request);
                    }
                });
        device.registerIQRequestHandler(
                new AbstractIqRequestHandler("ask", NS, IQ.Type.set, IQRequestHandler.Mode.sync) {
                    @Override
                    public IQ handleIQRequest(IQ request) {
                        // without the copy of the request that Smack 4.4 prints as malformed XML (see IotTcpConnection)
                        return ErrorIQ.builder(
                                        StanzaError.getBuilder(StanzaError.Condition.not_allowed)
                                                .build(),
                                        StanzaBuilder.buildIqData(request.getStanzaId())
                                                .ofType(IQ.Type.error)
                                                .to(request.getFrom()))
                                .build();
                    }
                });
        device.registerIQRequestHandler(
                new AbstractIqRequestHandler("mute", NS, IQ.Type.get, IQRequestHandler.Mode.sync) {
                    @Override
                    public IQ handleIQRequest(IQ request) {
                        return null;
                    }
                });
    }

    @AfterEach
    void close() {
        link.close();
    }

    static StanzaFuzz.Sample iq(String type, String element) {
        return new StanzaFuzz.Sample("iq", type, "<" + element + " xmlns='" + NS + "'/>");
    }

    static StanzaFuzz.Sample message() {
        return new StanzaFuzz.Sample("message", null, "<note xmlns='" + NS + "'>hi</note>");
    }

    FuzzProbe.Answer send(StanzaFuzz.Sample sample, Duration timeout) throws Exception {
        return FuzzProbe.send(stranger, device.getUser(), sample, sample.payload(), timeout);
    }

    @Test
    void aRequestAnsweredWithAResultOrAnErrorIsReportedAsSuch() throws Exception {
        assertThat(send(iq("get", "ask"), WAIT)).isEqualTo(FuzzProbe.Answer.RESULT);
        assertThat(send(iq("set", "ask"), WAIT)).isEqualTo(FuzzProbe.Answer.ERROR);
    }

    @Test
    void messagesAndIqAnswersAreSentButNotAwaited() throws Exception {
        assertThat(send(message(), WAIT)).isEqualTo(FuzzProbe.Answer.NONE);
        Stanza m = device.await(s -> s instanceof Message, WAIT);
        assertThat(m.toXML().toString()).contains("<note xmlns='" + NS + "'>hi</note>");

        assertThat(send(iq("result", "ask"), WAIT)).isEqualTo(FuzzProbe.Answer.NONE);
        Stanza r = device.await(s -> s instanceof IQ, WAIT);
        assertThat(((IQ) r).getType()).isEqualTo(IQ.Type.result);
    }

    @Test
    void presencesAreNotSent() throws Exception {
        assertThat(send(new StanzaFuzz.Sample("presence", null, "<x xmlns='" + NS + "'/>"), WAIT))
                .isEqualTo(FuzzProbe.Answer.NONE);
        assertThat(stranger.sent()).isEmpty();
    }

    @Test
    void anUnansweredRequestFailsNamingTheRequest() {
        assertThatThrownBy(() -> send(iq("get", "mute"), Duration.ofMillis(200)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("No answer within PT0.2S to ")
                .hasMessageContaining("mute");
    }

    @Test
    void runCountsTheAnswersAndChecksTheFriendEveryTwentyStanzasAndAtTheEnd() throws Exception {
        List<Map.Entry<StanzaFuzz.Sample, StanzaFuzz.Mutation>> cases = new ArrayList<>();
        for (int i = 0; i < FuzzProbe.CHECK_EVERY * 2 + 1; i++) {
            cases.add(Map.entry(i % 2 == 0 ? message() : iq("set", "ask"), NONE));
        }
        cases.add(Map.entry(iq("get", "ask"), NONE));
        AtomicInteger checks = new AtomicInteger();

        Map<FuzzProbe.Answer, Integer> answers = FuzzProbe.run(stranger, device, cases, WAIT, checks::incrementAndGet);

        assertThat(answers)
                .containsEntry(FuzzProbe.Answer.NONE, 21)
                .containsEntry(FuzzProbe.Answer.ERROR, 20)
                .containsEntry(FuzzProbe.Answer.RESULT, 1);
        assertThat(checks).hasValue(3);
    }

    @Test
    void runReportsEveryKindOfAnswerEvenWhenNoneOccurred() throws Exception {
        Map<FuzzProbe.Answer, Integer> answers = FuzzProbe.run(stranger, device, List.of(), WAIT, () -> {});

        assertThat(answers).containsOnlyKeys(FuzzProbe.Answer.values()).containsValues(0, 0, 0);
    }

    @Test
    void runNamesTheMutationOfAnUnansweredRequest() {
        StanzaFuzz.Mutation mutation = new StanzaFuzz.Mutation(StanzaFuzz.Kind.HUGE_VALUE, 3, 7);
        assertThatThrownBy(() -> FuzzProbe.run(
                        stranger,
                        device,
                        List.of(Map.entry(iq("get", "mute"), mutation)),
                        Duration.ofMillis(200),
                        () -> {}))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("No answer within")
                .hasMessageEndingWith("(" + mutation + ")");
    }

    @Test
    void runFailsWhenTheFriendIsNotServed() {
        assertThatThrownBy(() -> FuzzProbe.run(stranger, device, List.of(Map.entry(message(), NONE)), WAIT, () -> {
                    throw new AssertionError("friend not served");
                }))
                .hasMessage("friend not served");
    }

    @Test
    void anOfflineDeviceFailsTheCheck() {
        FuzzProbe.assertOnline(device);
        device.instantShutdown();

        assertThatThrownBy(() -> FuzzProbe.assertOnline(device))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("lost its connection");
        assertThatThrownBy(() -> FuzzProbe.run(stranger, device, List.of(), WAIT, () -> {}))
                .hasMessageContaining("lost its connection");
    }
}

package io.github.xmppiot.core.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import org.jivesoftware.smack.packet.ErrorIQ;
import org.jivesoftware.smack.packet.IQ;
import org.junit.jupiter.api.Test;

/**
 * {@link IotTcpConnection#answerUnknownRequests}: the answer of a namespace (XEP-0326 §3.1 {@code NotImplemented}) is
 * removed by closing its registration, so a closed extension manager leaves no answer behind.
 */
class UnknownRequestAnswersTest {

    private static final String NS = "urn:xmpp:iot:concentrators";

    private static IotTcpConnection connection() {
        return new IotTcpConnection(IotConnection.builder()
                .jid("d@example.org")
                .password("p")
                .build()
                .toSmackConfiguration());
    }

    @Test
    void closingTheRegistrationRemovesTheAnswerAndClosingTwiceChangesNothing() {
        IotTcpConnection c = connection();
        Function<ErrorIQ, IQ> answer = e -> e;
        IotTcpConnection.Registration r = c.answerUnknownRequests(NS, answer);
        assertThat(c.unknownRequestAnswer(NS)).isSameAs(answer);
        assertThat(c.unknownRequestAnswer("urn:other")).isNull();

        r.close();
        assertThat(c.unknownRequestAnswer(NS)).isNull();
        r.close();
        assertThat(c.unknownRequestAnswer(NS)).isNull();
    }

    @Test
    void closingAReplacedRegistrationLeavesTheNewAnswer() {
        IotTcpConnection c = connection();
        Function<ErrorIQ, IQ> first = e -> e;
        Function<ErrorIQ, IQ> second = e -> e;
        IotTcpConnection.Registration old = c.answerUnknownRequests(NS, first);
        IotTcpConnection.Registration current = c.answerUnknownRequests(NS, second);

        old.close();
        assertThat(c.unknownRequestAnswer(NS)).as("the newer answer stays").isSameAs(second);
        current.close();
        assertThat(c.unknownRequestAnswer(NS)).isNull();
    }
}

package io.github.xmppiot.core.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.LogCapture;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.packet.ErrorIQ;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.junit.jupiter.api.Test;

class UnparsableStanzasTest {

    private static final Exception CAUSE = new SmackParsingException("missing attribute 'seqnr' on <req/>") {
        private static final long serialVersionUID = 1L;
    };

    @Test
    void unparsableRequestsAreAnsweredWithBadRequest() {
        for (String type : List.of("get", "set")) {
            String xml = "<iq type='" + type + "' id='q7' from='stranger@example.org/x' to='device@example.org/d'>"
                    + "<req xmlns='urn:xmpp:iot:sensordata'/></iq>";
            ErrorIQ answer = UnparsableStanzas.badRequestFor(xml, CAUSE).orElseThrow();
            assertThat(answer.getType()).isEqualTo(IQ.Type.error);
            assertThat(answer.getStanzaId()).isEqualTo("q7");
            assertThat(answer.getTo().toString()).isEqualTo("stranger@example.org/x");
            assertThat(answer.getError().getCondition()).isEqualTo(StanzaError.Condition.bad_request);
            assertThat(answer.getError().getType()).isEqualTo(StanzaError.Type.MODIFY);
            assertThat(answer.getError().getDescriptiveText()).contains("seqnr");
        }
    }

    @Test
    void responsesMessagesAndPresencesAreNotAnswered() {
        assertThat(UnparsableStanzas.badRequestFor("<iq type='result' id='a'><x xmlns='y'/></iq>", CAUSE))
                .isEmpty();
        assertThat(UnparsableStanzas.badRequestFor("<iq type='error' id='a'/>", CAUSE))
                .isEmpty();
        assertThat(UnparsableStanzas.badRequestFor("<iq type='get'><x xmlns='y'/></iq>", CAUSE))
                .isEmpty();
        assertThat(UnparsableStanzas.badRequestFor(
                        "<message id='m'><fields xmlns='urn:xmpp:iot:sensordata'/>" + "</message>", CAUSE))
                .isEmpty();
        assertThat(UnparsableStanzas.badRequestFor("<presence/>", CAUSE)).isEmpty();
        assertThat(UnparsableStanzas.badRequestFor("<iq type='get' id='a' from='@@@'/>", CAUSE))
                .isEmpty();
        assertThat(UnparsableStanzas.badRequestFor("not xml", CAUSE)).isEmpty();
    }

    @Test
    void theLogIsRateLimitedAndReportsWhatItHeldBack() throws Exception {
        AtomicLong now = new AtomicLong();
        IotTcpConnection connection = new IotTcpConnection(IotConnection.builder()
                .jid("d@example.org")
                .password("p")
                .build()
                .toSmackConfiguration());
        UnparsableStanzas callback = new UnparsableStanzas(connection, now::get);
        try (LogCapture log = LogCapture.of(Logger.getLogger(UnparsableStanzas.class.getName()), Level.FINE)) {
            for (int i = 0; i < 1000; i++) {
                callback.handle(
                        "<iq type='result' id='r" + i + "'><accepted xmlns='urn:xmpp:iot:sensordata'/></iq>", CAUSE);
                callback.handle("<message><fields xmlns='urn:xmpp:iot:sensordata'/></message>", CAUSE);
            }
            assertThat(log.atLeast(Level.WARNING)).hasSize(UnparsableStanzas.WARNINGS_PER_MINUTE);
            assertThat(log.atLeast(Level.WARNING))
                    .allSatisfy(r -> assertThat(r.getMessage()).contains("<iq"));
            now.addAndGet(TimeUnit.SECONDS.toNanos(61));
            callback.handle("<iq type='get' id='1' from='a@b/c'><x xmlns='y'/></iq>", CAUSE);
            assertThat(log.atLeast(Level.WARNING)).hasSize(UnparsableStanzas.WARNINGS_PER_MINUTE + 2);
            assertThat(log.atLeast(Level.WARNING)
                            .get(UnparsableStanzas.WARNINGS_PER_MINUTE)
                            .getMessage())
                    .startsWith((1000 - UnparsableStanzas.WARNINGS_PER_MINUTE) + " more");
            assertThat(callback.dropped()).isEqualTo(2001);
        }
    }

    @Test
    void everySdkConnectionHasIt() {
        IotTcpConnection connection = (IotTcpConnection) IotConnection.create(
                IotConnection.builder().jid("d@example.org").password("p").build());
        assertThat(connection.getParsingExceptionCallback()).isSameAs(connection.unparsableStanzas());
        UnparsableStanzas.installOn(connection);
        assertThat(connection.getParsingExceptionCallback()).isSameAs(connection.unparsableStanzas());
    }
}

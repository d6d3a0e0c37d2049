package io.github.xmppiot.core.connection;

import static org.assertj.core.api.Assertions.assertThat;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.junit.jupiter.api.Test;

class SmackWorkaroundsTest {

    @Test
    void theSmackFieldsTheRepairsNeedExist() {
        // a Smack upgrade that renames them would silently turn the reconnection repairs off
        assertThat(SmackWorkarounds.available())
                .as("Smack 4.4.8's packetWriter.queue and unacknowledgedStanzas")
                .isTrue();
    }

    @Test
    void aClosedConnectionHasNothingQueuedOrUnacknowledged() throws Exception {
        XMPPTCPConnection c = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain("example.org")
                .setUsernameAndPassword("u", "p")
                .build());
        assertThat(SmackWorkarounds.discardWriterQueue(c)).isZero();
        assertThat(SmackWorkarounds.unacknowledged(c)).isEmpty();
    }

    @Test
    void onlyIqRequestsAreKeptFromAResumedStream() {
        IQ set = new Ping();
        set.setType(IQ.Type.set);
        IQ result = IQ.createResultIQ(new Ping());
        Message message = StanzaBuilder.buildMessage().setBody("reading").build();
        assertThat(SmackWorkarounds.isRequest(new Ping())).as("get").isTrue();
        assertThat(SmackWorkarounds.isRequest(set)).as("set").isTrue();
        assertThat(SmackWorkarounds.isRequest(result))
                .as("an answer is delivered")
                .isFalse();
        assertThat(SmackWorkarounds.isRequest(message))
                .as("a message is delivered")
                .isFalse();
    }
}

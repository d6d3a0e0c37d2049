package io.github.xmppiot.sensordata.element;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.sensordata.ReadoutRequest;
import io.github.xmppiot.sensordata.provider.SensorDataProviders;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** A read-out request (XEP-0323 §3.2) is an IQ get; its nodes and fields are child elements when present. */
class ReqTest {

    @BeforeAll
    static void register() {
        SensorDataProviders.register();
    }

    @Test
    void aRequestIsAGetAndRoundTripsWithOnlyNodesOrOnlyFields() throws Exception {
        for (ReadoutRequest r : new ReadoutRequest[] {
            ReadoutRequest.builder().fields("a").build(),
            ReadoutRequest.builder().nodes(NodeRef.of("n")).build(),
            ReadoutRequest.builder().momentary().build()
        }) {
            Req req = new Req(1, r);
            assertThat(req.getType()).isEqualTo(IQ.Type.get);
            req.setTo(JidCreate.from("t@example.org/r"));
            IQ back = PacketParserUtils.parseStanza(req.toXML().toString());
            assertThat(back)
                    .isInstanceOfSatisfying(
                            Req.class, b -> assertThat(b.request()).isEqualTo(r));
        }
    }
}

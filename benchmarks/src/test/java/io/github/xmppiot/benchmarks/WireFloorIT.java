package io.github.xmppiot.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The wire floor of {@code EndToEnd} works through a real Prosody: each request gets its own ten-field message. */
@ProsodyTest(tls = false)
class WireFloorIT {

    @BeforeAll
    static void smackExperimentalIsDisabled() {
        SmackIsolation.disableSmackExperimental();
    }

    @Test
    void eachRequestIsAnsweredWithItsOwnTenFieldMessageForBothXmlForms(ProsodyServer prosody) throws Exception {
        XMPPTCPConnection thing = prosody.connect("floorthing");
        XMPPTCPConnection client = prosody.connect("floorclient");
        WireFloor.OURS.serve(thing);
        WireFloor.SMACK.serve(thing);
        Measure.Op ours = WireFloor.OURS.client(client, thing.getUser());
        Measure.Op smack = WireFloor.SMACK.client(client, thing.getUser());

        for (Measure.Op op : new Measure.Op[] {ours, smack}) {
            for (int i = 0; i < 20; i++) {
                Object payload = op.start().get(20, TimeUnit.SECONDS);
                StandardExtensionElement fields = (StandardExtensionElement) payload;
                StandardExtensionElement timestamp =
                        fields.getFirstElement("node").getFirstElement("timestamp");
                assertThat(timestamp.getElements()).hasSize(FieldsBenchmark.FIELD_COUNT);
                assertThat(fields.getAttributeValue("done")).isEqualTo("true");
            }
        }
    }
}

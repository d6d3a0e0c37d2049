package io.github.xmppiot.sensordata.element;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.xml.XmlCompare;
import io.github.xmppiot.sensordata.provider.SensorDataProviders;
import org.jivesoftware.smack.packet.IQ;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A rejected read-out (XEP-0323 §3.2): an IQ error, with the reason as text when there is one. */
class RejectedTest {

    @BeforeAll
    static void register() {
        SensorDataProviders.register();
    }

    @Test
    void aRejectionIsAnErrorWithOrWithoutText() {
        Rejected withText = new Rejected(3, "not now");
        assertThat(withText.getType()).isEqualTo(IQ.Type.error);
        assertThat(withText.seqnr()).isEqualTo(3);
        assertThat(withText.text()).isEqualTo("not now");
        assertThat(XmlCompare.difference(
                        withText.getChildElementXML().toString(),
                        "<rejected xmlns='urn:xmpp:iot:sensordata' seqnr='3'><error>not now</error></rejected>"))
                .isEmpty();
        Rejected bare = new Rejected(null, null);
        assertThat(bare.seqnr()).isNull();
        assertThat(XmlCompare.difference(
                        bare.getChildElementXML().toString(), "<rejected xmlns='urn:xmpp:iot:sensordata'/>"))
                .isEmpty();
    }
}

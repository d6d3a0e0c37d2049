package io.github.xmppiot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.connection.IotTcpConnection;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.Test;

/**
 * An IQ request nobody on the device understands is answered with an error, and the device stays online. With plain
 * Smack 4.4.8 the error copies the payload as malformed XML and the server drops the device's connection.
 */
@ProsodyTest
class UnknownIqIT {

    /** A payload no provider knows. */
    static final class Nonsense extends IQ {
        Nonsense() {
            super("nonsense", "urn:example:nobody-knows-this");
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            xml.rightAngleBracket();
            xml.element("detail", "with text & markup <inside>");
            return xml;
        }
    }

    @Test
    void unknownRequestsGetAnErrorAndTheDeviceStaysOnline(ProsodyServer server) throws Exception {
        XMPPTCPConnection device = server.connect("device");
        XMPPTCPConnection stranger = server.connect("stranger");
        assertThat(device).isInstanceOf(IotTcpConnection.class);
        for (IQ.Type type : new IQ.Type[] {IQ.Type.get, IQ.Type.set}) {
            Nonsense iq = new Nonsense();
            iq.setType(type);
            iq.setTo(device.getUser());
            assertThatThrownBy(() -> stranger.sendIqRequestAndWaitForResponse(iq))
                    .isInstanceOfSatisfying(
                            XMPPErrorException.class,
                            e -> assertThat(e.getStanzaError().getCondition())
                                    .isEqualTo(StanzaError.Condition.feature_not_implemented));
        }
        assertThat(PingManager.getInstanceFor(stranger).ping(device.getUser())).isTrue();
        assertThat(device.isConnected()).isTrue();
    }
}

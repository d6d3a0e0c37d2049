package io.github.xmppiot.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.control.provider.ControlProviders;
import io.github.xmppiot.core.connection.IotTcpConnection;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import io.github.xmppiot.testkit.RawStanzas;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.Test;

/**
 * An IQ request whose payload a provider cannot parse (here a data form without {@code type}, which the XEP-0325 form
 * provider reads) is answered with {@code modify/bad-request} by the connection itself, and the device stays online.
 */
@ProsodyTest
class UnparsableRequestIT {

    @Test
    void anUnparsableRequestIsAnsweredWithBadRequest(ProsodyServer server) throws Exception {
        ControlProviders.register();
        XMPPTCPConnection device = server.connect("unparsabledevice");
        XMPPTCPConnection stranger = server.connect("unparsablestranger");
        assertThat(device).isInstanceOf(IotTcpConnection.class);
        IQ iq = RawStanzas.iq(
                "<x xmlns='jabber:x:data'><field var='a'><value>1</value></field></x>", IQ.Type.get, device.getUser());
        CompletableFuture<IQ> answer = new CompletableFuture<>();
        stranger.sendIqRequestAsync(iq, 10_000).onSuccess(answer::complete).onError(answer::completeExceptionally);

        Throwable error = null;
        try {
            answer.get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            error = e.getCause();
        }
        assertThat(error)
                .isInstanceOfSatisfying(
                        XMPPErrorException.class,
                        e -> assertThat(e.getStanzaError().getCondition())
                                .isEqualTo(StanzaError.Condition.bad_request));
        assertThat(((IotTcpConnection) device).unparsableStanzas().dropped()).isEqualTo(1);
        assertThat(PingManager.getInstanceFor(stranger).ping(device.getUser())).isTrue();
    }
}

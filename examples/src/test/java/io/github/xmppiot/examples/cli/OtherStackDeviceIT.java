package io.github.xmppiot.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.control.ControlClient;
import io.github.xmppiot.control.element.ControlSet;
import io.github.xmppiot.control.element.SetRequest;
import io.github.xmppiot.control.element.SetResponse;
import io.github.xmppiot.control.element.TypedParameter;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.sensordata.SensorDataClient;
import io.github.xmppiot.sensordata.element.Accepted;
import io.github.xmppiot.sensordata.element.Req;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A device of another stack, as Slixmpp-based ones are: it takes typed {@code set} elements but has no control form
 * (it answers {@code getForm} with {@code feature-not-implemented}), and it accepts read-outs without ever sending
 * data. {@code set} falls back to typed values; {@code read} names the silent device, not a missing answer.
 */
@ProsodyTest
class OtherStackDeviceIT {

    private static XMPPTCPConnection device;
    private static final Map<String, TypedParameter> RECEIVED = new ConcurrentHashMap<>();

    @BeforeAll
    static void startDevice(ProsodyServer server) throws Exception {
        device = server.connect("formless", "device");
        ControlClient.getInstanceFor(device);
        SensorDataClient.getInstanceFor(device);
        device.registerIQRequestHandler(
                new AbstractIqRequestHandler(
                        ControlSet.ELEMENT, ControlSet.NAMESPACE, IQ.Type.set, IQRequestHandler.Mode.async) {
                    @Override
                    public IQ handleIQRequest(IQ request) {
                        List<String> names = ((SetRequest) request)
                                .controlSet().parameters().stream()
                                        .peek(p -> RECEIVED.put(p.name(), p))
                                        .map(TypedParameter::name)
                                        .toList();
                        SetResponse response = new SetResponse(List.of(), names);
                        response.setType(IQ.Type.result);
                        response.setStanzaId(request.getStanzaId());
                        response.setTo(request.getFrom());
                        return response;
                    }
                });
        device.registerIQRequestHandler(
                new AbstractIqRequestHandler(Req.ELEMENT, Req.NAMESPACE, IQ.Type.get, IQRequestHandler.Mode.async) {
                    @Override
                    public IQ handleIQRequest(IQ request) {
                        Accepted accepted = new Accepted(((Req) request).seqnr(), false);
                        accepted.setType(IQ.Type.result);
                        accepted.setStanzaId(request.getStanzaId());
                        accepted.setTo(request.getFrom());
                        return accepted;
                    }
                });
    }

    @AfterAll
    static void stopDevice() {
        device.disconnect();
    }

    @Test
    void setWithoutAFormSendsTypedValues(ProsodyServer server) {
        String jid = device.getUser().toString();
        Cli.Result r = Cli.run(Cli.args(
                "set", jid, "Relay=true", "Level=2.5", "Count=7", "Label=porch", "Mode:string=1", client(server)));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.errLines())
                .singleElement()
                .asString()
                .isEqualTo("set: " + jid + " has no control form"
                        + " (feature-not-implemented); sending typed values Relay:boolean=true Level:double=2.5 Count:int=7"
                        + " Label:string=porch Mode:string=1");
        assertThat(r.out()).contains("set Relay=true Level=2.5 Count=7 Label=porch Mode=1 on " + jid);
        assertThat(RECEIVED.get("Relay").type()).isEqualTo(ValueType.BOOLEAN);
        assertThat(RECEIVED.get("Level").type()).isEqualTo(ValueType.DOUBLE);
        assertThat(RECEIVED.get("Count").type()).isEqualTo(ValueType.INT);
        assertThat(RECEIVED.get("Mode").type()).isEqualTo(ValueType.STRING);
        assertThat(RECEIVED.get("Mode").lexical()).isEqualTo("1");
        Cli.Result bad = Cli.run(Cli.args("set", jid, "Count:int=many", client(server)));
        assertThat(bad.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(bad.errLines()).singleElement().asString().contains("'many' is not a valid int for Count");
        Cli.Result type = Cli.run(Cli.args("set", jid, "Count:integer=1", client(server)));
        assertThat(type.errLines())
                .singleElement()
                .asString()
                .contains("unknown type 'integer'")
                .contains("boolean");
    }

    @Test
    void aReadOutAcceptedWithoutDataNamesTheSilentDevice(ProsodyServer server) {
        String jid = device.getUser().toString();
        Cli.Result r = Cli.run(Cli.args("read", jid, "--timeout", "2", client(server)));
        assertThat(r.exitCode()).isEqualTo(CliException.FAILED);
        assertThat(r.errLines())
                .singleElement()
                .asString()
                .isEqualTo("read: " + jid + " accepted the read-out but"
                        + " sent no data within 2 s: the device is slow or stuck; try a larger --timeout or fewer"
                        + " --field/--node, or ask its owner to check it");
    }

    private static List<String> client(ProsodyServer server) {
        return Cli.account(server, "operator");
    }
}

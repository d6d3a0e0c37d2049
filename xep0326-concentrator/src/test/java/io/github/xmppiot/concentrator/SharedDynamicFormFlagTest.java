package io.github.xmppiot.concentrator;

import static io.github.xmppiot.concentrator.Wired.await;
import static io.github.xmppiot.concentrator.Wired.node;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.concentrator.element.ConcentratorResponse;
import io.github.xmppiot.concentrator.provider.ConcentratorProviders;
import io.github.xmppiot.concentrator.request.EditRequest;
import io.github.xmppiot.control.ControlClient;
import io.github.xmppiot.control.ControlForm;
import io.github.xmppiot.control.ControlServer;
import io.github.xmppiot.control.ParameterDescription;
import io.github.xmppiot.control.provider.ControlProviders;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.element.DynamicFormFlag;
import io.github.xmppiot.core.provider.DynamicFormFlagProvider;
import io.github.xmppiot.core.thing.ControlParameter;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.ValueType;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.FormFieldChildElement;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jivesoftware.smackx.xdata.provider.FormFieldChildElementProviderManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * XEP-0325 and XEP-0326 in one JVM both read XEP-0336 {@code notSame}: whichever module registers its providers
 * first, there is one provider and one element type ({@link DynamicFormFlag}), so a control form (XEP-0325 §3.3) and a
 * common parameter form (XEP-0326 §3.9) fetched over the same link both show the flag to each module's code.
 */
class SharedDynamicFormFlagTest {

    private Wired w;
    private ControlServer control;
    private ControlClient controlClient;

    @BeforeEach
    void setUp() throws Exception {
        ControlProviders.register();
        ConcentratorProviders.register();
        w = new Wired(new TestLampType());
        w.addLamp("L1", "1");
        w.addLamp("L2", "2");
        AtomicReference<BooleanValue> output = new AtomicReference<>(BooleanValue.FALSE);
        Thing thing = Thing.builder("Device01")
                .parameter(ControlParameter.builder("Output", ValueType.BOOLEAN)
                        .current(output::get)
                        .onSet(v -> output.set((BooleanValue) v))
                        .build())
                .build();
        control = ControlServer.getInstanceFor(w.hub)
                .update(s -> s.things(ThingDirectory.of(thing)).accessPolicy(AccessPolicy.allowEveryone()));
        controlClient = ControlClient.getInstanceFor(w.clientPeer);
    }

    @AfterEach
    void tearDown() {
        control.close();
        controlClient.close();
        w.close();
    }

    private static List<FormFieldChildElement> flags(FormField f) {
        return f.getFormFieldChildElements().stream()
                .filter(e -> DynamicFormFlag.NAMESPACE.equals(e.getNamespace()))
                .toList();
    }

    @Test
    void bothModulesShareOneProviderForEveryFlag() {
        for (DynamicFormFlag f : DynamicFormFlag.values()) {
            assertThat(FormFieldChildElementProviderManager.getFormFieldChildElementProvider(f.qname()))
                    .as(f.getElementName())
                    .isSameAs(DynamicFormFlagProvider.of(f));
        }
    }

    @Test
    void aControlFormShowsNotSameToTheControlClient() throws Exception {
        ControlForm form = await(controlClient.getForm(w.to));
        ParameterDescription output = form.parameter("Output").orElseThrow();
        assertThat(output.notSame()).as("XEP-0325's FormReader").isTrue();
        FormField field = form.dataForm().getField("Output");
        assertThat(flags(field)).containsExactly(DynamicFormFlag.NOT_SAME);
        assertThat(DynamicFormFlag.NOT_SAME.isOn(field)).isTrue();
    }

    @Test
    void aCommonParameterFormShowsNotSameToTheConcentratorClient() throws Exception {
        DataForm common = await(w.client.execute(
                        w.to, new EditRequest.GetCommonNodeParametersForEdit(List.of(node("L1"), node("L2")))))
                .form();
        assertThat(flags(common.getField("address")))
                .as("the addresses differ")
                .containsExactly(DynamicFormFlag.NOT_SAME);
        assertThat(DynamicFormFlag.NOT_SAME.isOn(common.getField("room"))).isFalse();
        assertThat(flags(common.getField("serial"))).contains(DynamicFormFlag.READ_ONLY, DynamicFormFlag.NOT_SAME);
    }

    @Test
    void aCommonFormAsXep0326WritesItIsReadWithTheSharedFlags() throws Exception { // XEP-0326 example 44, shortened
        ConcentratorResponse response =
                PacketParserUtils.parseStanza("<iq type='result' from='concentrator@example.org'"
                        + " to='client@example.org/client' id='31'><getCommonNodeParametersForEditResponse"
                        + " xmlns='urn:xmpp:iot:concentrators' result='OK'><x type='form' xmlns='jabber:x:data'"
                        + " xmlns:xdd='urn:xmpp:xdata:dynamic'><title>Node1, Node2, Node3</title>"
                        + "<field var='xdd session' type='hidden'><value>009c7956</value></field>"
                        + "<field var='type' type='text-single' label='Node Type:'><desc>Type of node.</desc>"
                        + "<value>Watchamacallit Temperature Sensor v1.2</value><xdd:readOnly/><xdd:notSame/></field>"
                        + "<field var='sn' type='text-single' label='Serial Number:'><value>123456</value><xdd:notSame/>"
                        + "</field><field var='meterLoc' type='text-single'><value>P1</value></field>"
                        + "</x></getCommonNodeParametersForEditResponse></iq>");
        DataForm form = response.form().orElseThrow();
        assertThat(flags(form.getField("type"))).containsExactly(DynamicFormFlag.READ_ONLY, DynamicFormFlag.NOT_SAME);
        assertThat(flags(form.getField("sn"))).containsExactly(DynamicFormFlag.NOT_SAME);
        assertThat(DynamicFormFlag.NOT_SAME.isOn(form.getField("meterLoc"))).isFalse();
    }
}

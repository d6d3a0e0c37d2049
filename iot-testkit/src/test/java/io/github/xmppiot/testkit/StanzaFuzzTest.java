package io.github.xmppiot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

class StanzaFuzzTest {

    private static final String EXAMPLE = """
            <iq type='get' from='client@example.org/amr' to='device@example.org' id='S0001'>
              <req xmlns='urn:xmpp:iot:sensordata' seqnr='1' momentary='true'/>
            </iq>
            <message from='device@example.org' to='client@example.org/amr'>
              <fields xmlns='urn:xmpp:iot:sensordata' seqnr='1'>
                <node nodeId='Device01'><timestamp value='2013-03-07T16:24:30'>
                  <numeric name='Temperature' value='23.4' unit='°C'/></timestamp></node>
              </fields>
            </message>
            """;

    @Test
    void samplesAreThePayloadsOfTheStanzas() {
        List<StanzaFuzz.Sample> samples = StanzaFuzz.samples(EXAMPLE);
        assertThat(samples).extracting(StanzaFuzz.Sample::stanza).containsExactly("iq", "message");
        assertThat(samples.get(0).isRequest()).isTrue();
        assertThat(samples.get(1).isRequest()).isFalse();
        assertThat(samples.get(0).payload()).contains("seqnr=\"1\"").contains("urn:xmpp:iot:sensordata");
    }

    @Test
    void eachKindChangesThePayload() {
        String req = StanzaFuzz.samples(EXAMPLE).get(0).payload();
        assertThat(StanzaFuzz.mutate(req, new StanzaFuzz.Mutation(StanzaFuzz.Kind.DROP_ATTRIBUTE, 1, 0)))
                .doesNotContain("seqnr")
                .contains("momentary");
        assertThat(StanzaFuzz.mutate(req, new StanzaFuzz.Mutation(StanzaFuzz.Kind.WRONG_TYPE, 1, 2)))
                .contains("seqnr=\"x\"");
        assertThat(StanzaFuzz.mutate(req, new StanzaFuzz.Mutation(StanzaFuzz.Kind.HUGE_VALUE, 1, 5000)))
                .contains("9".repeat(5000));
        assertThat(StanzaFuzz.mutate(req, new StanzaFuzz.Mutation(StanzaFuzz.Kind.UNKNOWN_CHILD, 0, 0)))
                .contains("gadget")
                .contains("urn:example:unknown");
        String deep = StanzaFuzz.mutate(req, new StanzaFuzz.Mutation(StanzaFuzz.Kind.DEEP_NESTING, 0, 50));
        assertThat(deep.split("<req", -1)).hasSize(52);
        String clamped = StanzaFuzz.mutate(req, new StanzaFuzz.Mutation(StanzaFuzz.Kind.DEEP_NESTING, 0, 1 << 30));
        assertThat(clamped.split("<req", -1)).hasSize(StanzaFuzz.MAX_DEPTH + 2);
    }

    @Test
    void rawStanzasCarryThePayloadAsWritten() throws Exception {
        String fields = StanzaFuzz.samples(EXAMPLE).get(1).payload();
        String broken = StanzaFuzz.mutate(fields, new StanzaFuzz.Mutation(StanzaFuzz.Kind.DROP_ATTRIBUTE, 0, 0));
        Message m = RawStanzas.message(broken, JidCreate.from("device@example.org/d"));
        assertThat(m.toXML().toString()).contains("<fields").doesNotContain("seqnr");
        IQ iq = RawStanzas.iq(
                "<req xmlns='urn:xmpp:iot:sensordata' seqnr='x'><node nodeId='a&amp;b'/>t&lt;</req>",
                IQ.Type.get,
                JidCreate.from("device@example.org/d"));
        String xml = iq.toXML().toString();
        assertThat(xml)
                .contains("<req xmlns='urn:xmpp:iot:sensordata' seqnr='x'>")
                .contains("a&amp;b")
                .contains("t&lt;</req>")
                .contains("type='get'");
    }
}

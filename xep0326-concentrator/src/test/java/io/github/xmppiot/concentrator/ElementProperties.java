package io.github.xmppiot.concentrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.concentrator.element.ConcentratorCommand;
import io.github.xmppiot.concentrator.element.ConcentratorRequest;
import io.github.xmppiot.concentrator.element.ConcentratorResponse;
import io.github.xmppiot.concentrator.element.NodeInformation;
import io.github.xmppiot.concentrator.element.NodeMessage;
import io.github.xmppiot.concentrator.element.NodeParameter;
import io.github.xmppiot.concentrator.element.NodeState;
import io.github.xmppiot.concentrator.element.ResultCode;
import io.github.xmppiot.concentrator.provider.ConcentratorProviders;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.value.DoubleValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.LongValue;
import io.github.xmppiot.core.value.StringValue;
import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.xml.MalformedRequest;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.util.PacketParserUtils;

/** Round trips of NodeInformation and node references, and hostile request input (XEP-0326 §3.6–§3.8). */
class ElementProperties {

    static {
        ConcentratorProviders.register();
    }

    @Property(tries = 300)
    void nodeInformationRoundTrips(@ForAll("nodes") List<NodeInformation> nodes) throws Exception {
        ConcentratorResponse r = ConcentratorResponse.builder(ConcentratorCommand.GET_ALL_NODES, ResultCode.OK)
                .nodes(nodes)
                .build();
        r.setStanzaId("p1");
        Stanza parsed = PacketParserUtils.parseStanza(r.toXML().toString());
        assertThat(parsed).isInstanceOf(ConcentratorResponse.class);
        ConcentratorResponse back = (ConcentratorResponse) parsed;
        assertThat(back.result()).isEqualTo(ResultCode.OK);
        assertThat(back.nodes()).isEqualTo(nodes);
    }

    @Property(tries = 300)
    void getNodeResponseCarriesNodeOnItself(@ForAll("node") NodeInformation node) throws Exception {
        ConcentratorResponse r = ConcentratorResponse.builder(ConcentratorCommand.GET_NODE, ResultCode.OK)
                .node(node)
                .build();
        ConcentratorResponse back =
                (ConcentratorResponse) PacketParserUtils.parseStanza(r.toXML().toString());
        assertThat(back.node()).contains(node);
    }

    @Property(tries = 300)
    void nodeReferencesRoundTrip(@ForAll("refs") List<NodeRef> refs) throws Exception {
        ConcentratorRequest q = ConcentratorRequest.builder(ConcentratorCommand.GET_NODES)
                .nodes(refs)
                .lang("en")
                .build();
        Stanza parsed = PacketParserUtils.parseStanza(q.toXML().toString());
        assertThat(parsed).isInstanceOf(ConcentratorRequest.class);
        ConcentratorRequest back = (ConcentratorRequest) parsed;
        assertThat(back.nodes()).isEqualTo(refs);
        assertThat(back.lang()).contains("en");
    }

    @Property(tries = 300)
    void hostileBooleanAttributeIsMalformedNotAnException(@ForAll("text") String value) throws Exception {
        String xml = "<iq xmlns='jabber:client' type='get' id='h'><getNode xmlns='urn:xmpp:iot:concentrators'"
                + " sourceId='S' nodeId='N' parameters='" + escape(value) + "'/></iq>";
        IQ iq = (IQ) PacketParserUtils.parseStanza(xml);
        if (Set.of("true", "false", "1", "0").contains(value.strip())) {
            assertThat(iq).isInstanceOf(ConcentratorRequest.class);
            assertThat(((ConcentratorRequest) iq).flag("parameters", false))
                    .isEqualTo(BooleanValue.parseBoolean(value));
        } else {
            assertThat(iq).isInstanceOf(MalformedRequest.class);
            assertThat(((MalformedRequest) iq)
                            .badRequestReply()
                            .getError()
                            .getCondition()
                            .toString())
                    .isEqualTo("bad-request");
        }
    }

    @Property(tries = 200)
    void missingRequiredAttributeIsMalformed(@ForAll("commandsWithRequired") ConcentratorCommand command)
            throws Exception {
        String xml = "<iq xmlns='jabber:client' type='" + command.iqType() + "' id='m'><" + command.element()
                + " xmlns='urn:xmpp:iot:concentrators'/></iq>";
        Stanza parsed = PacketParserUtils.parseStanza(xml);
        assertThat(parsed).isInstanceOf(MalformedRequest.class);
    }

    @Property(tries = 200)
    void hostileResponseIsReportedNotThrown(@ForAll("text") String result) throws Exception {
        String xml =
                "<iq xmlns='jabber:client' type='result' id='r'><getNodeResponse xmlns='urn:xmpp:iot:concentrators'"
                        + " result='" + escape(result) + "' nodeId='N' state='None' hasChildren='false'/></iq>";
        ConcentratorResponse r = (ConcentratorResponse) PacketParserUtils.parseStanza(xml);
        boolean known = java.util.Arrays.stream(ResultCode.values())
                .anyMatch(c -> c.xmlValue().equals(result));
        assertThat(r.result() == ResultCode.OTHER_ERROR || known).isTrue();
    }

    @Provide
    Arbitrary<ConcentratorCommand> commandsWithRequired() {
        return Arbitraries.of(ConcentratorCommand.values())
                .filter(c -> !c.requiredAttributes().isEmpty());
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.of("true", "false", "1", "0", " true ", "TRUE", "yes", ""),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12));
    }

    @Provide
    Arbitrary<List<NodeRef>> refs() {
        Arbitrary<String> id = ids();
        Arbitrary<String> opt = ids().injectNull(0.4);
        return Combinators.combine(id, opt, opt).as(NodeRef::of).list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<NodeInformation>> nodes() {
        return node().list().ofMaxSize(4);
    }

    @Provide
    Arbitrary<NodeInformation> node() {
        Arbitrary<String> opt = ids().injectNull(0.5);
        Arbitrary<Boolean> flag = Arbitraries.of(Boolean.TRUE, Boolean.FALSE).injectNull(0.4);
        Arbitrary<NodeInformation.Builder> base = Combinators.combine(
                        ids(), opt, opt, opt, Arbitraries.of(NodeState.class), Arbitraries.of(true, false), flag, flag)
                .as((id, name, type, cache, state, children, readable, ctrl) -> NodeInformation.builder(id)
                        .displayName(name)
                        .nodeType(type)
                        .cacheType(cache)
                        .state(state)
                        .hasChildren(children)
                        .readable(readable)
                        .controllable(ctrl));
        return Combinators.combine(
                        base,
                        opt,
                        timestamps().injectNull(0.5),
                        parameter().list().ofMaxSize(4),
                        message().list().ofMaxSize(2))
                .as((b, parent, changed, params, msgs) -> {
                    b.parent(parent, null).lastChanged(changed);
                    params.forEach(b::parameter);
                    msgs.forEach(b::message);
                    return b.build();
                });
    }

    private Arbitrary<NodeParameter> parameter() {
        Arbitrary<Value> values = Arbitraries.oneOf(
                Arbitraries.integers().map(IntValue::new),
                Arbitraries.longs().map(LongValue::new),
                Arbitraries.doubles().map(DoubleValue::new),
                Arbitraries.of(true, false).map(BooleanValue::of),
                ids().map(StringValue::new),
                timestamps().map(v -> (Value) v));
        return Combinators.combine(ids(), ids(), values).as(NodeParameter::new);
    }

    private Arbitrary<NodeMessage> message() {
        return Combinators.combine(
                        timestamps(),
                        Arbitraries.of(NodeMessage.ERROR, NodeMessage.WARNING, NodeMessage.INFORMATION),
                        ids().injectNull(0.5),
                        ids())
                .as(NodeMessage::new);
    }

    private Arbitrary<DateTimeValue> timestamps() {
        return Arbitraries.longs().between(0, 4_000_000_000L).map(s -> DateTimeValue.of(Instant.ofEpochSecond(s)));
    }

    private Arbitrary<String> ids() {
        return Arbitraries.strings()
                .withCharRange('!', '~')
                .withChars('é', '€', ' ')
                .ofMinLength(1)
                .ofMaxLength(10)
                .filter(s -> !s.isBlank() && s.strip().equals(s));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace("'", "&apos;")
                .replace("\"", "&quot;");
    }
}

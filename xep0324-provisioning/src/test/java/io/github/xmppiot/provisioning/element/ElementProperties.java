package io.github.xmppiot.provisioning.element;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.core.xml.MalformedRequest;
import io.github.xmppiot.core.xml.XmlCompare;
import io.github.xmppiot.provisioning.provider.ProvisioningProviders;
import io.github.xmppiot.testkit.XepExamples;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.util.StringUtils;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/** Round trips of generated XEP-0324 elements, and hostile input that must become {@code bad-request}. */
class ElementProperties {

    static {
        ProvisioningProviders.register();
    }

    @Property(tries = 200)
    void canReadRoundTrips(
            @ForAll("jids") Jid jid,
            @ForAll("tokens") Tokens tokens,
            @ForAll("categories") Set<FieldCategory> cats,
            @ForAll("nodes") List<NodeRef> nodes,
            @ForAll("names") List<String> fields)
            throws Exception {
        CanRead original = new CanRead(jid, tokens, FieldTypes.of(cats), nodes, fields);
        CanRead back = (CanRead) roundTrip(original);
        assertThat(back.jid().toString()).isEqualTo(jid.toString());
        assertThat(back.tokens()).isEqualTo(tokens);
        assertThat(back.fieldTypes().expanded()).isEqualTo(FieldTypes.of(cats).expanded());
        assertThat(back.nodes()).isEqualTo(nodes);
        assertThat(back.fields()).isEqualTo(fields);
    }

    @Property(tries = 200)
    void canControlResponseRoundTrips(
            @ForAll("jids") Jid jid,
            @ForAll boolean result,
            @ForAll("nodes") List<NodeRef> nodes,
            @ForAll("names") List<String> parameters)
            throws Exception {
        CanControlResponse back =
                (CanControlResponse) roundTrip(new CanControlResponse(jid, result, nodes, parameters));
        assertThat(back.jid().toString()).isEqualTo(jid.toString());
        assertThat(back.result()).isEqualTo(result);
        assertThat(back.nodes()).isEqualTo(nodes);
        assertThat(back.parameters()).isEqualTo(parameters);
    }

    @Property(tries = 100)
    void tokenChallengesRoundTripTheirBytes(
            @ForAll("tokenText") String token, @ForAll @Size(max = 300) byte[] bytes, @ForAll int seqnr)
            throws Exception {
        TokenChallenge back = (TokenChallenge) roundTrip(new TokenChallenge(token, bytes));
        assertThat(back.token()).isEqualTo(token);
        assertThat(back.bytes()).isEqualTo(bytes);
        GetTokenChallenge gtc = (GetTokenChallenge) roundTrip(new GetTokenChallenge(seqnr, bytes));
        assertThat(gtc.seqnr()).isEqualTo(seqnr);
        assertThat(gtc.bytes()).isEqualTo(bytes);
    }

    @Property(tries = 100)
    void privilegesRoundTripInOrder(@ForAll("rules") List<PrivilegeRule> rules) throws Exception {
        DownloadPrivilegesResponse back = (DownloadPrivilegesResponse) roundTrip(new DownloadPrivilegesResponse(rules));
        assertThat(back.rules()).isEqualTo(rules);
    }

    @Property(tries = 300)
    void hostileAttributesNeverEscapeAsExceptions(@ForAll("hostile") String value, @ForAll("requests") String element)
            throws Exception {
        String attr = StringUtils.escapeForXmlAttributeApos(value).toString();
        String payload = switch (element) {
            case "isFriend" -> "<isFriend xmlns='urn:xmpp:iot:provisioning' jid='" + attr + "'/>";
            case "canRead" -> "<canRead xmlns='urn:xmpp:iot:provisioning' jid='a@b' momentary='" + attr + "'/>";
            case "getTokenChallengeResponse" ->
                "<getTokenChallengeResponse xmlns='urn:xmpp:iot:provisioning' seqnr='" + attr
                        + "'>AAAA</getTokenChallengeResponse>";
            case "hasPrivilege" ->
                "<hasPrivilege xmlns='urn:xmpp:iot:provisioning' serviceToken='s' userToken='u' privilegeId='" + attr
                        + "'/>";
            default ->
                "<canControl xmlns='urn:xmpp:iot:provisioning' jid='a@b'><node nodeId='" + attr + "'/></canControl>";
        };
        IQ iq = (IQ) XepExamples.parseStanza("<iq type='get' id='h1' from='c@d/e' to='f@g'>" + payload + "</iq>");
        if (iq instanceof MalformedRequest m) {
            assertThat(m.getChildElementName()).isEqualTo(element);
            assertThat(m.badRequestReply().getError().getCondition()).isEqualTo(StanzaError.Condition.bad_request);
        } else {
            assertThat(iq).isInstanceOf(ProvisioningIq.class);
            assertThat(iq.getChildElementName()).isEqualTo(element);
        }
    }

    @Property(tries = 50)
    void missingRequiredAttributesAreMalformed(@ForAll("requests") String element) throws Exception {
        IQ iq = (IQ) XepExamples.parseStanza("<iq type='get' id='m1' from='c@d/e' to='f@g'><" + element
                + " xmlns='urn:xmpp:iot:provisioning'><node/></" + element + "></iq>");
        assertThat(iq).isInstanceOf(MalformedRequest.class);
    }

    private static IQ roundTrip(IQ original) throws Exception {
        original.setStanzaId("rt1");
        original.setFrom(JidCreate.from("thing@example.org/t"));
        original.setTo(JidCreate.from("provisioning.example.org"));
        String xml = original.toXML().toString();
        IQ back = (IQ) XepExamples.parseStanza(xml);
        assertThat(XmlCompare.difference(
                        original.getChildElementXML().toString(),
                        back.getChildElementXML().toString()))
                .isEmpty();
        return back;
    }

    @Provide
    Arbitrary<Jid> jids() {
        Arbitrary<String> local =
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
        return Combinators.combine(local, local).as((l, d) -> {
            try {
                return JidCreate.from(l + "@" + d + ".example");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Provide
    Arbitrary<String> tokenText() {
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(20);
    }

    @Provide
    Arbitrary<Tokens> tokens() {
        Arbitrary<List<String>> list = tokenText().list().ofMaxSize(3);
        return Combinators.combine(list, list, list).as(Tokens::new);
    }

    @Provide
    Arbitrary<Set<FieldCategory>> categories() {
        return Arbitraries.of(FieldCategory.class).set();
    }

    @Provide
    Arbitrary<List<NodeRef>> nodes() {
        Arbitrary<String> id = Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars(" <&'\"é")
                .ofMinLength(1)
                .ofMaxLength(10)
                .filter(s -> !s.isBlank());
        Arbitrary<String> opt = Arbitraries.strings().alpha().ofMaxLength(5).injectNull(0.3);
        return Combinators.combine(id, opt, opt).as(NodeRef::new).list().ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<String>> names() {
        return Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars(" .<&")
                .ofMinLength(1)
                .ofMaxLength(12)
                .list()
                .ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<PrivilegeRule>> rules() {
        Arbitrary<String> part = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> id = part.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l));
        return Combinators.combine(Arbitraries.of(true, false), id)
                .as(PrivilegeRule::new)
                .list()
                .ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.oneOf(
                Arbitraries.strings()
                        .ofMaxLength(30)
                        .filter(s ->
                                s.chars().allMatch(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c < 0xD800))),
                Arbitraries.of(
                        "",
                        " ",
                        "@",
                        "a@",
                        "@b",
                        "..",
                        "a..b",
                        ".a",
                        "yes",
                        "2147483648",
                        "-1",
                        "a@b/c",
                        "\u0000x".substring(1)));
    }

    @Provide
    Arbitrary<String> requests() {
        return Arbitraries.of("isFriend", "canRead", "getTokenChallengeResponse", "hasPrivilege", "canControl");
    }
}

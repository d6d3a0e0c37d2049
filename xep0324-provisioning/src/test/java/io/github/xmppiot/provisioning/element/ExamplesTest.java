package io.github.xmppiot.provisioning.element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.xml.XmlCompare;
import io.github.xmppiot.provisioning.internal.Decisions;
import io.github.xmppiot.provisioning.internal.Responses;
import io.github.xmppiot.provisioning.provider.ProvisioningProviders;
import io.github.xmppiot.testkit.XepExamples;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

/** Every XEP-0324 example parses; the well-formed ones round-trip; the defects are handled as CHECKLIST §9.2 says. */
class ExamplesTest {

    static {
        ProvisioningProviders.register();
    }

    private static final Map<Integer, List<String>> EXPECTED = Map.ofEntries(
            Map.entry(4, List.of("GetToken", "GetTokenChallenge", "GetTokenChallengeResponse", "GetTokenResponse")),
            Map.entry(7, List.of("TokenChallenge", "TokenChallengeResponse")),
            Map.entry(9, List.of("CanRead", "CanReadResponse")),
            Map.entry(10, List.of("IsFriend", "IsFriendResponse")),
            Map.entry(11, List.of("IsFriend", "IsFriendResponse")),
            Map.entry(12, List.of("Unfriend")),
            Map.entry(13, List.of("Friend")),
            Map.entry(14, List.of("CanRead", "CanReadResponse")),
            Map.entry(15, List.of("CanRead", "CanReadResponse")),
            Map.entry(16, List.of("CanRead", "CanReadResponse")),
            Map.entry(17, List.of("CanControl", "CanControlResponse")),
            Map.entry(18, List.of("CanControl", "CanControlResponse")),
            Map.entry(19, List.of("CanControl", "CanControlResponse")),
            Map.entry(20, List.of("ClearCache", "ClearCacheResponse")),
            Map.entry(21, List.of("GetToken", "GetTokenChallenge", "GetTokenChallengeResponse", "GetTokenResponse")),
            Map.entry(22, List.of("CanAccess", "CanAccessResponse", "UserLoggedIn")),
            Map.entry(23, List.of("HasPrivilege", "HasPrivilegeResponse")),
            Map.entry(
                    24,
                    List.of(
                            "CanAccess",
                            "CanAccessResponse",
                            "UserLoggedIn",
                            "DownloadPrivileges",
                            "DownloadPrivilegesResponse")));

    /** The payloads of each example, parsed. */
    static List<Object> provisioningPayloads(int n) throws Exception {
        List<Object> out = new ArrayList<>();
        for (Stanza s : stanzas(n)) {
            if (s instanceof ProvisioningIq iq) {
                out.add(iq);
            } else if (s instanceof Message m) {
                for (ExtensionElement e : m.getExtensions()) {
                    if (ProvisioningIq.NAMESPACE.equals(e.getNamespace())) {
                        out.add(e);
                    }
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "example {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26})
    void everyExampleParsesIntoTheExpectedElements(int n) throws Exception {
        List<String> names = provisioningPayloads(n).stream()
                .map(o -> o.getClass().getSimpleName())
                .toList();
        assertThat(names).isEqualTo(EXPECTED.getOrDefault(n, List.of()));
        assertThat(payloads(n)).hasSameSizeAs(names);
    }

    @ParameterizedTest(name = "example {0}")
    @ValueSource(ints = {4, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23})
    void wellFormedPayloadsRoundTripAsXml(int n) throws Exception {
        List<String> published = payloads(n);
        List<Object> parsed = provisioningPayloads(n);
        for (int i = 0; i < parsed.size(); i++) {
            assertThat(XmlCompare.difference(published.get(i), xml(parsed.get(i))))
                    .as("payload %d", i)
                    .isEmpty();
        }
    }

    @Test
    void legacyCredentialsOfExamples22And24AreReadAndWrittenInTheTypedXsdForm() throws Exception {
        for (int n : new int[] {22, 24}) {
            CanAccess access = (CanAccess) provisioningPayloads(n).get(0);
            assertThat(access.serviceToken()).isEqualTo("SERVICETOKEN1");
            assertThat(access.credentials())
                    .containsExactly(
                            new Credential(CredentialType.IP4, "10.0.0.1"),
                            new Credential(CredentialType.LONGITUDE, "123.45"),
                            new Credential(CredentialType.LATITUDE, "67.89"));
            assertThat(XmlCompare.difference(
                            "<canAccess xmlns='urn:xmpp:iot:provisioning' serviceToken='SERVICETOKEN1'>"
                                    + "<ip4 value='10.0.0.1'/><longitude value='123.45'/><latitude value='67.89'/></canAccess>",
                            xml(access)))
                    .isEmpty();
            // the other payloads of the example round-trip unchanged
            assertThat(XmlCompare.difference(
                            payloads(n).get(1), xml(provisioningPayloads(n).get(1))))
                    .isEmpty();
            assertThat(XmlCompare.difference(
                            payloads(n).get(2), xml(provisioningPayloads(n).get(2))))
                    .isEmpty();
        }
    }

    @Test
    void namespaceLessDownloadPrivilegesResponseOfExample24IsAcceptedAndWrittenWithTheNamespace() throws Exception {
        List<Object> payloads = provisioningPayloads(24);
        DownloadPrivilegesResponse r = (DownloadPrivilegesResponse) payloads.get(4);
        assertThat(r.rules())
                .containsExactly(new PrivilegeRule(false, "Sensors.Delete"), new PrivilegeRule(true, "Sensors"));
        assertThat(XmlCompare.difference(
                        "<downloadPrivilegesResponse xmlns='urn:xmpp:iot:provisioning'>"
                                + "<exclude id='Sensors.Delete'/><include id='Sensors'/></downloadPrivilegesResponse>",
                        xml(r)))
                .isEmpty();
        assertThat(XmlCompare.difference(payloads(24).get(3), xml(payloads.get(3))))
                .isEmpty();
    }

    @ParameterizedTest(name = "example {0}")
    @ValueSource(ints = {5, 6})
    void errorsInsideIqResultAreErrors(int n) throws Exception {
        IQ iq = (IQ) stanzas(n).get(0);
        assertThat(iq.getType()).isEqualTo(IQ.Type.result);
        IotErrorException e = Responses.errorOf(iq);
        assertThat(e).isNotNull();
        assertThat(e.condition())
                .isEqualTo(n == 5 ? StanzaError.Condition.bad_request : StanzaError.Condition.item_not_found);
        assertThatThrownBy(() -> Responses.expect(iq, GetTokenResponse.class))
                .hasCauseInstanceOf(IotErrorException.class);
    }

    @Test
    void obsoleteRejectedOfExample14IsReadAsForbiddenAndTheDenialMapsToDeny() throws Exception {
        List<Stanza> stanzas = stanzas(14);
        IotErrorException e = Responses.errorOf((IQ) stanzas.get(3));
        assertThat(e.condition()).isEqualTo(StanzaError.Condition.forbidden);
        assertThat(Decisions.of((CanReadResponse) stanzas.get(2))).isEqualTo(AccessDecision.deny());
    }

    @Test
    void narrowedAnswersOfExamples15To19BecomeAllowOnly() throws Exception {
        assertThat(Decisions.of((CanReadResponse) provisioningPayloads(15).get(1)))
                .isEqualTo(AccessDecision.allowOnly(List.of(NodeRef.of("Device02")), Set.of()));
        assertThat(Decisions.of((CanReadResponse) provisioningPayloads(16).get(1)))
                .isEqualTo(AccessDecision.allowOnly(List.of(), Set.of("Energy", "Power")));
        assertThat(Decisions.of((CanControlResponse) provisioningPayloads(17).get(1)))
                .isEqualTo(AccessDecision.deny());
        assertThat(Decisions.of((CanControlResponse) provisioningPayloads(18).get(1)))
                .isEqualTo(AccessDecision.allowOnly(
                        List.of(NodeRef.of("DigitalOutput2"), NodeRef.of("DigitalOutput3")), Set.of()));
        AccessDecision d19 =
                Decisions.of((CanControlResponse) provisioningPayloads(19).get(1));
        assertThat(d19.names())
                .containsExactlyInAnyOrder("DigitalOutput1", "DigitalOutput2", "DigitalOutput3", "DigitalOutput4");
        assertThat(Decisions.of((CanReadResponse) provisioningPayloads(9).get(1)))
                .isEqualTo(AccessDecision.allowAll());
    }

    @Test
    void multipleTokensOfExample9AreSplitAndTheFieldTypesKept() throws Exception {
        CanRead canRead = (CanRead) provisioningPayloads(9).get(0);
        assertThat(canRead.tokens().serviceTokens()).containsExactly("SERVICETOKEN1", "SERVICETOKEN2");
        assertThat(canRead.tokens().userTokens()).containsExactly("USERTOKEN1");
        assertThat(canRead.fieldTypes().categories())
                .containsExactly(io.github.xmppiot.core.field.FieldCategory.MOMENTARY);
        assertThat(canRead.jid().toString()).isEqualTo("primary@example.org");
        // the client's <req/> with from='\n  primary@example.org/amr' is not a valid stanza (§9.2.5); all others are
        List<Stanza> stanzas = stanzas(9);
        assertThat(stanzas).hasSize(4);
        assertThat(stanzas.get(0)).isNull();
        assertThat(stanzas.subList(1, 4)).doesNotContainNull();
    }

    @Test
    void base64PlaceholdersParseButAreNotBinary() throws Exception {
        GetToken getToken = (GetToken) provisioningPayloads(4).get(0);
        assertThat(getToken.base64()).isEqualTo("BASE-64 ENCODED PUBLIC X.509 CERTIFICATE");
        assertThatThrownBy(getToken::bytes).isInstanceOf(IllegalArgumentException.class);
        GetTokenChallenge challenge =
                (GetTokenChallenge) provisioningPayloads(4).get(1);
        assertThat(challenge.seqnr()).isEqualTo(1);
    }

    /** The stanzas of example {@code n}, parsed by Smack ({@code null} for the one Smack refuses, CHECKLIST §9.2.5). */
    private static List<Stanza> stanzas(int n) throws Exception {
        return XepExamples.stanzas(XepExamples.file(324, n));
    }

    /**
     * The XEP-0324 payload elements of example {@code n} (children of stanzas in {@code urn:xmpp:iot:provisioning},
     * plus the namespace-less {@code downloadPrivilegesResponse} of example 24), serialized as they were published.
     */
    private static List<String> payloads(int n) {
        List<String> out = new ArrayList<>();
        for (Element stanza : XepExamples.stanzaElements(XepExamples.file(324, n))) {
            for (Element payload : XepExamples.children(stanza)) {
                if (ProvisioningIq.NAMESPACE.equals(payload.getNamespaceURI())
                        || payload.getLocalName().equals("downloadPrivilegesResponse")) {
                    out.add(XepExamples.serialize(payload));
                }
            }
        }
        return out;
    }

    private static String xml(Object o) {
        if (o instanceof IQ iq) {
            return iq.getChildElementXML().toString();
        }
        return ((ExtensionElement) o).toXML().toString();
    }

    static String names(List<Object> l) {
        return l.stream().map(o -> o.getClass().getSimpleName()).collect(Collectors.joining(","));
    }
}

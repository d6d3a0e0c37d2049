package io.github.xmppiot.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.DummyConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * How {@link ControlClient} reads the answers to a {@code set} (XEP-0325 §3.1, §5.1), including the forms of the drafts
 * before 0.3 that Slixmpp 1.8 still sends: an IQ of type {@code error} is a refusal whatever it carries, and a
 * {@code responseCode} other than {@code OK} is a refusal even in an IQ result.
 */
class ControlClientAnswersTest {

    private static final String NS = "urn:xmpp:iot:control";

    private DummyConnection connection;
    private ControlClient client;
    private Jid thing;

    @BeforeEach
    void setUp() throws Exception {
        connection = DummyConnection.newConnectedDummyConnection();
        client = ControlClient.getInstanceFor(connection);
        thing = JidCreate.from("thing@example.org/device");
    }

    @AfterEach
    void tearDown() {
        connection.instantShutdown();
    }

    /** Sends a set of parameter "Nope" and answers it with the given IQ type and payload. */
    private CompletableFuture<SetResult> answeredWith(String type, String payload) throws Exception {
        CompletableFuture<SetResult> result = client.set(thing, "Nope", true);
        IQ request = connection.getSentPacket();
        assertThat(request.getChildElementName()).isEqualTo("set");
        connection.processStanza(PacketParserUtils.parseStanza(
                "<iq xmlns='jabber:client' type='" + type + "' id='" + request.getStanzaId() + "' from='" + thing
                        + "' to='" + connection.getUser() + "'>" + payload + "</iq>"));
        return result;
    }

    private static ControlException refusal(CompletableFuture<SetResult> result) {
        Throwable t = null;
        try {
            result.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            t = e.getCause();
        } catch (Exception e) {
            throw new AssertionError("the set neither succeeded nor failed", e);
        }
        assertThat(t).as("a refusal, not a success").isInstanceOf(ControlException.class);
        return (ControlException) t;
    }

    @Test
    void slixmppsErrorIqWithoutErrorChildIsARefusalNotASuccess() throws Exception {
        // Slixmpp 1.8 (XEP-0325 v0.2) answers a set of an unknown parameter exactly like this
        ControlException e = refusal(answeredWith(
                "error",
                "<setResponse xmlns='" + NS + "' responseCode='NotFound'>"
                        + "<parameter name='Nope'/><error var='Output'>Invalid field Nope</error></setResponse>"));
        assertThat(e.condition()).isEqualTo(StanzaError.Condition.item_not_found);
        assertThat(e.type()).isEqualTo(StanzaError.Type.CANCEL);
        assertThat(e.legacyResponseCode()).contains("NotFound");
        assertThat(e.parameterErrors()).containsEntry("Output", "Invalid field Nope");
        assertThat(e.getMessage()).contains("NotFound").contains("[Nope]").contains("Invalid field Nope");
    }

    @ParameterizedTest
    @EnumSource(value = LegacyResponseCode.class, names = "OK", mode = EnumSource.Mode.EXCLUDE)
    void everyPreDraft03CodeOtherThanOkIsARefusalEvenInAResult(LegacyResponseCode code) throws Exception {
        ControlException e =
                refusal(answeredWith("result", "<setResponse xmlns='" + NS + "' responseCode='" + code.code() + "'/>"));
        assertThat(e.condition()).isEqualTo(code.condition());
        assertThat(e.type()).isEqualTo(code.type());
        assertThat(e.legacyResponseCode()).contains(code.code());
    }

    @Test
    void theCodesMapToDistinctConditions() {
        assertThat(LegacyResponseCode.values())
                .extracting(LegacyResponseCode::condition)
                .doesNotHaveDuplicates();
        assertThat(LegacyResponseCode.of("InsufficientPrivileges"))
                .contains(LegacyResponseCode.INSUFFICIENT_PRIVILEGES);
        assertThat(LegacyResponseCode.of("nope")).isEmpty();
        assertThat(LegacyResponseCode.of(null)).isEmpty();
    }

    @Test
    void anUnknownCodeIsAnUndefinedCondition() throws Exception {
        ControlException e = refusal(answeredWith("result", "<setResponse xmlns='" + NS + "' responseCode='Bogus'/>"));
        assertThat(e.condition()).isEqualTo(StanzaError.Condition.undefined_condition);
        assertThat(e.legacyResponseCode()).contains("Bogus");
    }

    @Test
    void anErrorIqWithAnUnknownPayloadAndNoErrorIsARefusal() throws Exception {
        ControlException e = refusal(answeredWith("error", "<whatever xmlns='urn:example'/>"));
        assertThat(e.condition()).isEqualTo(StanzaError.Condition.undefined_condition);
        assertThat(e.legacyResponseCode()).isEmpty();
    }

    @Test
    void anErrorChildWinsOverACompatibilitySetResponse() throws Exception {
        ControlException e = refusal(answeredWith(
                "error",
                "<setResponse xmlns='" + NS + "' responseCode='NotFound'/>"
                        + "<error type='auth'><forbidden xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>"));
        assertThat(e.condition()).isEqualTo(StanzaError.Condition.forbidden);
    }

    @Test
    void okAndDraft03ResultsAreSuccesses() throws Exception {
        assertThat(answeredWith("result", "<setResponse xmlns='" + NS + "' responseCode='OK'/>")
                        .get(10, TimeUnit.SECONDS))
                .isEqualTo(SetResult.asRequested());
        assertThat(answeredWith("result", "").get(10, TimeUnit.SECONDS)).isEqualTo(SetResult.asRequested());
        SetResult narrowed = answeredWith(
                        "result", "<setResponse xmlns='" + NS + "'><parameter name='Nope'/>" + "</setResponse>")
                .get(10, TimeUnit.SECONDS);
        assertThat(narrowed.parameters()).containsExactly("Nope");
        assertThat(narrowed.isNarrowed()).isTrue();
    }
}

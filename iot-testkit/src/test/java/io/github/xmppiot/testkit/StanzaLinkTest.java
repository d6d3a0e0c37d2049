package io.github.xmppiot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jivesoftware.smack.packet.ErrorIQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** Routing, stamping, recording and waiting of the in-memory link, over two peers. */
class StanzaLinkTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    StanzaLink link;
    StanzaLink.Peer thing;
    StanzaLink.Peer owner;

    @BeforeEach
    void wire() throws Exception {
        link = new StanzaLink();
        thing = link.peer("thing");
        owner = link.peer("owner");
    }

    @AfterEach
    void close() {
        link.close();
    }

    static Message message(String to, String body) throws Exception {
        return StanzaBuilder.buildMessage("id-" + body)
                .to(JidCreate.from(to))
                .setBody(body)
                .build();
    }

    static String body(Stanza s) {
        return ((Message) s).getBody();
    }

    @Test
    void aPeerIsLoggedInAsItsLocalPartOnTheTestDomain() {
        assertThat(thing.isAuthenticated()).isTrue();
        assertThat(thing.getUser().asBareJid().toString()).isEqualTo("thing@example.org");
    }

    @Test
    void aSecondPeerWithTheSameNameIsRefused() {
        assertThatThrownBy(() -> link.peer("thing"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("thing");
    }

    @Test
    void aStanzaToABareJidArrivesParsedAndStampedWithTheSendersFullJid() throws Exception {
        owner.sendStanza(message("thing@example.org", "hello"));

        Stanza got = thing.await(s -> s instanceof Message, WAIT);

        assertThat(body(got)).isEqualTo("hello");
        assertThat((Object) got.getFrom()).isEqualTo(owner.getUser());
        assertThat(owner.sent()).singleElement().asString().contains("hello", "thing@example.org");
    }

    @Test
    void smacksAutomaticErrorReplyToAnUnknownRequestArrives() throws Exception {
        owner.inject("<iq xmlns='jabber:client' type='get' to='thing@example.org/res' id='q1'>"
                + "<unknown xmlns='urn:example:nobody-knows'><deep a='1'/></unknown></iq>");

        Stanza got = owner.await(s -> "q1".equals(s.getStanzaId()), WAIT);

        assertThat(got).isInstanceOf(ErrorIQ.class);
        assertThat(((ErrorIQ) got).getError().getCondition()).isEqualTo(StanzaError.Condition.feature_not_implemented);
        assertThat(thing.sent()).singleElement().asString().doesNotContain("nobody-knows");
    }

    @Test
    void aStanzaToAFullJidArrivesAndAnExplicitSenderIsKept() throws Exception {
        owner.inject(
                "<message xmlns='jabber:client' to='thing@example.org/res' from='other@example.org/x' id='m1'><body>raw</body>"
                        + "</message>");

        Stanza got = thing.await(s -> "m1".equals(s.getStanzaId()), WAIT);

        assertThat(body(got)).isEqualTo("raw");
        assertThat(got.getFrom().toString()).isEqualTo("other@example.org/x");
        assertThat(owner.sent())
                .containsExactly("<message xmlns='jabber:client' to='thing@example.org/res'"
                        + " from='other@example.org/x'"
                        + " id='m1'><body>raw</body></message>");
    }

    @Test
    void stanzasArriveInTheOrderSentAndAwaitTakesTheFirstMatchOnly() throws Exception {
        for (int i = 0; i < 5; i++) {
            owner.sendStanza(message("thing@example.org", "n" + i));
        }
        assertThat(body(thing.await(s -> "n3".equals(body(s)), WAIT))).isEqualTo("n3");
        for (String expected : List.of("n0", "n1", "n2", "n4")) {
            assertThat(body(thing.await(s -> true, WAIT))).isEqualTo(expected);
        }
        assertThatThrownBy(() -> thing.await(s -> true, Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no matching stanza within");
    }

    @Test
    void awaitNamesWhatDidArriveWhenNothingMatches() throws Exception {
        owner.sendStanza(message("thing@example.org", "unwanted"));
        thing.await(s -> true, WAIT);
        owner.sendStanza(message("thing@example.org", "other"));
        // the second stanza is still there after the failed wait, and is named in the failure
        assertThatThrownBy(() -> thing.await(s -> "never".equals(body(s)), Duration.ofMillis(200)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("id-other")
                .hasMessageNotContaining("id-unwanted");
        assertThat(body(thing.await(s -> true, WAIT))).isEqualTo("other");
    }

    @Test
    void stanzasToTheServerAreNeitherRecordedNorDeliveredButListenersHearThem() throws Exception {
        List<Stanza> heard = new CopyOnWriteArrayList<>();
        owner.addStanzaSendingListener(heard::add, s -> true);

        owner.sendStanza(message("example.org", "to the server"));
        owner.sendStanza(StanzaBuilder.buildMessage().setBody("no address").build());
        owner.sendStanza(message("thing@example.org", "marker"));

        assertThat(body(thing.await(s -> true, WAIT))).isEqualTo("marker");
        assertThat(owner.sent()).singleElement().asString().contains("marker");
        // Smack tells sending listeners on its own executor
        ConnectionEventRecorder.eventually("the listener heard all three", WAIT, () -> heard.size() == 3);
        assertThat(heard)
                .extracting(StanzaLinkTest::body)
                .containsExactlyInAnyOrder("to the server", "no address", "marker");
    }

    @Test
    void stanzasToAnUnknownPeerAreRecordedButNotDelivered() throws Exception {
        owner.sendStanza(message("nobody@example.org", "lost"));
        owner.sendStanza(message("thing@example.org", "marker"));

        assertThat(body(thing.await(s -> true, WAIT))).isEqualTo("marker");
        assertThat(owner.sent()).hasSize(2);
        assertThat(owner.sent().get(0)).contains("nobody@example.org", "lost");
    }

    @Test
    void injectRefusesWhatIsNotAStanza() {
        assertThatThrownBy(() -> owner.inject("<message xmlns='jabber:client' to='thing@example.org'"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a stanza");
        assertThat(owner.sent()).isEmpty();
    }

    @Test
    void injectedStanzasToTheServerAreRecordedButGoNowhere() throws Exception {
        owner.inject("<message xmlns='jabber:client' to='example.org' id='srv'><body>s</body></message>");
        owner.sendStanza(message("thing@example.org", "marker"));

        assertThat(body(thing.await(s -> true, WAIT))).isEqualTo("marker");
        assertThat(owner.sent()).hasSize(2);
    }

    @Test
    void afterCloseNothingIsDeliveredAndThePeersAreDisconnected() throws Exception {
        link.close();
        link.close();

        assertThat(thing.isAuthenticated()).isFalse();
        assertThat(owner.isAuthenticated()).isFalse();
        owner.inject("<message xmlns='jabber:client' to='thing@example.org' id='late'><body>late</body></message>");
        assertThatThrownBy(() -> thing.await(s -> true, Duration.ofMillis(100))).isInstanceOf(AssertionError.class);
    }
}

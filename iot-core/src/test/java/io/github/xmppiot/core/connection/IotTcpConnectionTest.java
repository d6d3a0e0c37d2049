package io.github.xmppiot.core.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.SmackException.NotConnectedException;
import org.jivesoftware.smack.packet.EmptyResultIQ;
import org.jivesoftware.smack.packet.ErrorIQ;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.PresenceBuilder;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * What {@link IotTcpConnection} writes, read from Smack's writer queue of a connection that was never connected (Smack
 * queues what is sent until the stream is up): error IQs without the copy of the request, the registered answers to
 * unknown requests, withheld presence, nothing during an outage, and a bad-request answer when a provider fails.
 */
class IotTcpConnectionTest {

    private static final String NS = "urn:xmpp:iot:concentrators";
    private static final String BOOM_NS = "urn:xmpp-iot:test:boom";

    static {
        ProviderManager.addIQProvider("boom", BOOM_NS, new IQProvider<IQ>() {
            @Override
            public IQ parse(XmlPullParser parser, int initialDepth, org.jivesoftware.smack.packet.XmlEnvironment env) {
                throw new IllegalStateException("provider bug");
            }
        });
        ProviderManager.addIQProvider("bad", BOOM_NS, new IQProvider<IQ>() {
            @Override
            public IQ parse(XmlPullParser parser, int initialDepth, org.jivesoftware.smack.packet.XmlEnvironment env) {
                throw new IllegalArgumentException("bad value");
            }
        });
        ProviderManager.addExtensionProvider("boom", BOOM_NS, new ExtensionElementProvider<ExtensionElement>() {
            @Override
            public ExtensionElement parse(
                    XmlPullParser parser, int initialDepth, org.jivesoftware.smack.packet.XmlEnvironment env) {
                throw new IllegalStateException("extension provider bug");
            }
        });
    }

    /** An unconnected connection whose listeners the test can call like Smack's reader does. */
    static final class TestConnection extends IotTcpConnection {
        TestConnection(boolean loggedIn) {
            super(IotConnection.builder()
                    .jid("device@example.org/d1")
                    .password("p")
                    .build()
                    .toSmackConfiguration());
            authenticated = loggedIn;
        }

        /** Whether Smack would resume the stream (XEP-0198) at the next connect. */
        volatile boolean resumable;

        void lose(Exception e) {
            authenticated = false;
            for (ConnectionListener l : connectionListeners) {
                l.connectionClosedOnError(e);
            }
        }

        @Override
        protected void connectInternal() {
            connected = true; // no socket: what is written stays in the writer queue
        }

        @Override
        public boolean isSecureConnection() {
            return true;
        }

        @Override
        protected synchronized void loginInternal(String username, String password, Resourcepart resource)
                throws SmackException.NotConnectedException, InterruptedException {
            user = JidCreate.entityFullFrom(
                    JidCreate.entityBareFromOrThrowUnchecked(username + "@example.org"),
                    resource != null ? resource : Resourcepart.fromOrThrowUnchecked("d1"));
            if (resumable) {
                // Smack re-sends what the server had not acknowledged, then reports the resumed stream
                for (Object unacknowledged : unacknowledgedQueue(this).toArray()) {
                    sendStanzaInternal((org.jivesoftware.smack.packet.Stanza) unacknowledged);
                }
            }
            afterSuccessfulLogin(resumable);
        }

        @Override
        public boolean isDisconnectedButSmResumptionPossible() {
            return resumable;
        }

        @Override
        public boolean streamWasResumed() {
            return resumable;
        }
    }

    /** @return Smack's queue of the stanzas the server has not acknowledged (XEP-0198), created if missing */
    @SuppressWarnings("unchecked")
    static BlockingQueue<Object> unacknowledgedQueue(XMPPTCPConnection c) {
        try {
            Field f = XMPPTCPConnection.class.getDeclaredField("unacknowledgedStanzas");
            f.setAccessible(true);
            if (f.get(c) == null) {
                f.set(c, new java.util.concurrent.ArrayBlockingQueue<>(100));
            }
            return (BlockingQueue<Object>) f.get(c);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return what the connection has queued for writing, removed from the queue */
    static List<Object> written(XMPPTCPConnection c) throws Exception {
        Field writerField = XMPPTCPConnection.class.getDeclaredField("packetWriter");
        writerField.setAccessible(true);
        Object writer = writerField.get(c);
        Field queueField = writer.getClass().getDeclaredField("queue");
        queueField.setAccessible(true);
        List<Object> out = new ArrayList<>();
        ((BlockingQueue<?>) queueField.get(writer)).drainTo(out);
        return out;
    }

    private static IQ unknownRequest() throws Exception {
        IQ request = new IQ("unknownCommand", NS) {
            @Override
            protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
                xml.rightAngleBracket();
                xml.append("<payload secret='s3'/>");
                return xml;
            }
        };
        request.setType(IQ.Type.get);
        request.setStanzaId("req-1");
        request.setFrom(JidCreate.from("owner@example.org/app"));
        request.setTo(JidCreate.from("device@example.org/d1"));
        return request;
    }

    private static ErrorIQ onlyError(List<Object> written) {
        assertThat(written).singleElement().isInstanceOf(ErrorIQ.class);
        return (ErrorIQ) written.get(0);
    }

    @Test
    void anErrorIqIsSentWithoutTheCopyOfTheRequest() throws Exception {
        TestConnection c = new TestConnection(false);
        ErrorIQ smacks = IQ.createErrorResponse(unknownRequest(), StanzaError.Condition.feature_not_implemented);
        assertThat(smacks.toXML().toString())
                .as("Smack's own reply copies the payload")
                .contains("payload");

        c.sendStanza(smacks);

        ErrorIQ sent = onlyError(written(c));
        String xml = sent.toXML().toString();
        assertThat(xml).doesNotContain("payload").doesNotContain("unknownCommand");
        assertThat(sent.getStanzaId()).isEqualTo("req-1");
        assertThat(String.valueOf(sent.getTo())).isEqualTo("owner@example.org/app");
        assertThat(sent.getType()).isEqualTo(IQ.Type.error);
        assertThat(sent.getError().getCondition()).isEqualTo(StanzaError.Condition.feature_not_implemented);
    }

    @Test
    void aRegisteredAnswerReplacesFeatureNotImplementedForItsNamespaceOnly() throws Exception {
        TestConnection c = new TestConnection(false);
        c.answerUnknownRequests(NS, e -> new EmptyResultIQ());

        c.sendStanza(IQ.createErrorResponse(unknownRequest(), StanzaError.Condition.feature_not_implemented));
        List<Object> sent = written(c);
        assertThat(sent).singleElement().isInstanceOf(EmptyResultIQ.class);
        IQ answer = (IQ) sent.get(0);
        assertThat(answer.getStanzaId()).as("answers the request").isEqualTo("req-1");
        assertThat(String.valueOf(answer.getTo())).isEqualTo("owner@example.org/app");

        c.sendStanza(IQ.createErrorResponse(unknownRequest(), StanzaError.Condition.service_unavailable));
        assertThat(onlyError(written(c)).getError().getCondition())
                .as("other errors are not replaced")
                .isEqualTo(StanzaError.Condition.service_unavailable);

        IQ other = unknownRequest();
        ErrorIQ plain = IQ.createErrorResponse(other, StanzaError.Condition.bad_request);
        c.sendStanza(plain);
        assertThat(onlyError(written(c)).toXML().toString()).doesNotContain("payload");
    }

    @Test
    void availablePresenceIsWithheldUntilAnnouncedAndKeepsItsStatus() throws Exception {
        TestConnection c = new TestConnection(false);
        assertThat(c.isWithholdingPresence()).isFalse();
        Readiness.holdPresence(c);
        assertThat(c.isWithholdingPresence()).isTrue();

        c.sendStanza(PresenceBuilder.buildPresence()
                .ofType(Presence.Type.available)
                .setStatus("warming up")
                .build());
        Presence directed = PresenceBuilder.buildPresence()
                .ofType(Presence.Type.available)
                .to(JidCreate.from("owner@example.org"))
                .build();
        c.sendStanza(directed);
        c.sendStanza(PresenceBuilder.buildPresence()
                .ofType(Presence.Type.unavailable)
                .build());
        List<Object> before = written(c);
        assertThat(before).as("directed and unavailable presences pass").hasSize(2);

        Readiness.announce(c);

        assertThat(c.isWithholdingPresence()).isFalse();
        assertThat(written(c)).singleElement().isInstanceOfSatisfying(Presence.class, p -> {
            assertThat(p.getType()).isEqualTo(Presence.Type.available);
            assertThat(p.getStatus()).isEqualTo("warming up");
        });
        c.sendStanza(
                PresenceBuilder.buildPresence().ofType(Presence.Type.available).build());
        assertThat(written(c)).as("no longer withheld").hasSize(1);
    }

    @Test
    void announcingWithNothingWithheldSendsAPlainAvailablePresence() throws Exception {
        TestConnection c = new TestConnection(false);
        c.withholdPresence();
        c.announce();
        assertThat(written(c)).singleElement().isInstanceOfSatisfying(Presence.class, p -> {
            assertThat(p.getType()).isEqualTo(Presence.Type.available);
            assertThat(p.getStatus()).isNull();
        });
    }

    @Test
    void readinessNeedsAnIotConnectionToWithholdAndAnnouncesOnAnyConnection() throws Exception {
        FakeConnection other = FakeConnection.online();
        assertThatThrownBy(() -> Readiness.holdPresence(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IotConnection.create(config)")
                .hasMessageContaining("sendPresence(false)");
        Readiness.announce(other);
        assertThat(other.drainSent()).singleElement().isInstanceOfSatisfying(Presence.class, p -> {
            assertThat(p.getType()).isEqualTo(Presence.Type.available);
            assertThat(p.getTo() == null).as("broadcast").isTrue();
        });
    }

    @Test
    void nothingIsWrittenWhileTheConnectionIsBeingReestablished() throws Exception {
        TestConnection c = new TestConnection(true);
        ManualScheduler scheduler = new ManualScheduler();
        ConnectionSupervisor s =
                ConnectionSupervisor.register(new ConnectionSupervisor(c, scheduler, scheduler.clock), c);
        s.setPolicy(ReconnectPolicy.defaults());
        Message m = StanzaBuilder.buildMessage().setBody("reading").build();
        c.sendStanza(m);
        assertThat(written(c)).as("online").hasSize(1);

        c.lose(new IOException("cut"));

        assertThatThrownBy(() -> c.sendStanza(m))
                .isInstanceOf(NotConnectedException.class)
                .hasMessageContaining("try again after the ConnectionEvent.Restored event");
        assertThat(written(c)).isEmpty();
    }

    @Test
    void aProviderFailureDropsTheStanzaAnswersBadRequestAndLeavesTheParserAtItsEnd() throws Exception {
        TestConnection c = new TestConnection(false);
        XmlPullParser parser = PacketParserUtils.getParserFor(
                "<iq xmlns='jabber:client' type='set' id='b-1' from='owner@example.org/app'>" + "<boom xmlns='"
                        + BOOM_NS + "'><deep><deeper/></deep></boom></iq>");

        c.parseAndProcessStanza(parser);

        assertThat(parser.getEventType()).isEqualTo(XmlPullParser.Event.END_ELEMENT);
        assertThat(parser.getName()).isEqualTo("iq");
        assertThat(c.currentHead()).as("forgotten after the stanza").isNull();
        assertThat(c.unparsableStanzas().dropped()).isEqualTo(1);
        ErrorIQ answer = onlyError(written(c));
        assertThat(answer.getStanzaId()).isEqualTo("b-1");
        assertThat(String.valueOf(answer.getTo())).isEqualTo("owner@example.org/app");
        assertThat(answer.getError().getCondition()).isEqualTo(StanzaError.Condition.bad_request);
        assertThat(answer.getError().getDescriptiveText()).contains("provider bug");
    }

    @Test
    void aMessageAProviderCannotParseIsDroppedWithoutAnswer() throws Exception {
        TestConnection c = new TestConnection(false);
        XmlPullParser parser = PacketParserUtils.getParserFor("<message xmlns='jabber:client' id='m-1' "
                + "from='owner@example.org/app'><body>x</body><boom xmlns='" + BOOM_NS + "'/></message>");
        c.parseAndProcessStanza(parser);
        assertThat(c.unparsableStanzas().dropped()).isEqualTo(1);
        assertThat(written(c)).isEmpty();
    }

    @Test
    void theWriterQueueOfALostStreamIsDiscarded() throws Exception {
        TestConnection c = new TestConnection(false);
        c.sendStanza(StanzaBuilder.buildMessage().setBody("one").build());
        c.sendStanza(StanzaBuilder.buildMessage().setBody("two").build());
        assertThat(SmackWorkarounds.discardWriterQueue(c)).isEqualTo(2);
        assertThat(SmackWorkarounds.discardWriterQueue(c)).isZero();
        assertThat(written(c)).isEmpty();
    }

    private static List<ConnectionEvent> reconnectAfterQueuing(TestConnection c, Message... queued) throws Exception {
        ManualScheduler scheduler = new ManualScheduler();
        ConnectionSupervisor s =
                ConnectionSupervisor.register(new ConnectionSupervisor(c, scheduler, scheduler.clock), c);
        List<ConnectionEvent> events = new ArrayList<>();
        s.addListener(events::add);
        s.setPolicy(ReconnectPolicy.defaults().withKeepAlive(java.time.Duration.ZERO));
        for (Message m : queued) {
            c.sendStanza(m);
        }
        c.lose(new IOException("cut"));
        scheduler.runDue();
        return events;
    }

    @Test
    void aFreshSessionStartsFromAnEmptyWriterQueue() throws Exception {
        TestConnection c = new TestConnection(true);
        List<ConnectionEvent> events = reconnectAfterQueuing(
                c,
                StanzaBuilder.buildMessage().setBody("stale 1").build(),
                StanzaBuilder.buildMessage().setBody("stale 2").build());

        assertThat(events)
                .last()
                .isInstanceOfSatisfying(
                        ConnectionEvent.Restored.class,
                        r -> assertThat(r.resumed()).isFalse());
        List<Object> written = written(c);
        assertThat(written).as("the old session's stanzas are not written").noneMatch(Message.class::isInstance);
        assertThat(written).as("the new session's initial presence").anyMatch(Presence.class::isInstance);
    }

    @Test
    void aResumedStreamKeepsWhatWasQueuedAndIsNotAnnouncedAgain() throws Exception {
        TestConnection c = new TestConnection(true);
        c.resumable = true;
        List<ConnectionEvent> events = reconnectAfterQueuing(
                c,
                StanzaBuilder.buildMessage().setBody("kept 1").build(),
                StanzaBuilder.buildMessage().setBody("kept 2").build());

        assertThat(events)
                .last()
                .isInstanceOfSatisfying(
                        ConnectionEvent.Restored.class,
                        r -> assertThat(r.resumed()).isTrue());
        assertThat(written(c)).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(Message.class));
    }

    @Test
    void aResumedStreamDoesNotReSendTheRequestsThatFailed() throws Exception {
        TestConnection c = new TestConnection(true);
        c.resumable = true;
        IQ request = unknownRequest();
        Message reading = StanzaBuilder.buildMessage().setBody("reading").build();
        IQ answer = IQ.createResultIQ(unknownRequest());
        unacknowledgedQueue(c).addAll(List.of(request, reading, answer));

        List<ConnectionEvent> events = reconnectAfterQueuing(c);

        assertThat(events).last().isInstanceOf(ConnectionEvent.Restored.class);
        assertThat(written(c))
                .as("the request failed already; the message and the answer are delivered")
                .containsExactly(reading, answer);
    }

    @Test
    void aStanzaSmackCannotParseIsAnsweredThroughTheCallback() throws Exception {
        TestConnection c = new TestConnection(false);
        XmlPullParser parser = PacketParserUtils.getParserFor("<iq xmlns='jabber:client' type='get' id='s-1' "
                + "from='owner@example.org/app'><bad xmlns='" + BOOM_NS + "'/></iq>");
        c.parseAndProcessStanza(parser);
        assertThat(c.unparsableStanzas().dropped()).isEqualTo(1);
        ErrorIQ answer = onlyError(written(c));
        assertThat(answer.getStanzaId()).isEqualTo("s-1");
        assertThat(answer.getError().getCondition()).isEqualTo(StanzaError.Condition.bad_request);
    }

    @Test
    void aFailureAfterTheWholeStanzaWasReadLeavesTheParserAtItsEnd() throws Exception {
        TestConnection c = new TestConnection(false);
        c.createStanzaCollector(stanza -> {
            throw new IllegalStateException("collector bug");
        });
        XmlPullParser parser = PacketParserUtils.getParserFor("<stream>"
                + "<message xmlns='jabber:client' id='a'><body>first</body></message>"
                + "<message xmlns='jabber:client' id='b'><body>second</body></message></stream>");
        parser.next();
        assertThat(parser.getAttributeValue("", "id")).isEqualTo("a");

        c.parseAndProcessStanza(parser);

        assertThat(c.unparsableStanzas().dropped()).isEqualTo(1);
        assertThat(parser.getEventType()).isEqualTo(XmlPullParser.Event.END_ELEMENT);
        assertThat(parser.getName()).isEqualTo("message");
        parser.next();
        assertThat(parser.getAttributeValue("", "id"))
                .as("the next stanza is untouched")
                .isEqualTo("b");
    }
}

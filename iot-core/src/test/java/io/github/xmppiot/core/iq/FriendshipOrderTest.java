package io.github.xmppiot.core.iq;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.access.AccessRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.DummyConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterLoadedListener;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * A request that arrives right after the roster push that made its sender a friend is decided on the updated roster:
 * the server sends the push before it delivers the {@code subscribed} the requester reacts to (RFC 6121 §3.1.5), and
 * the handler must not overtake it (Smack runs roster pushes in order per connection, request handlers after them).
 */
class FriendshipOrderTest {

    private static final String NS = "urn:xmpp-iot:test:friendship";
    private static final int TRIALS = 300;

    private DummyConnection thing;
    private final LinkedBlockingQueue<IQ> answers = new LinkedBlockingQueue<>();

    /** A request IQ of the test namespace. */
    static final class Probe extends IQ {
        Probe() {
            super("probe", NS);
            setType(Type.get);
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            xml.setEmptyElement();
            return xml;
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        thing = new DummyConnection("thing", "password", "example.org") {
            @Override
            protected void sendStanzaInternal(Stanza packet) {
                if (packet instanceof IQ iq
                        && iq.getStanzaId() != null
                        && iq.getStanzaId().startsWith("probe-")) {
                    answers.add(iq);
                } else {
                    super.sendStanzaInternal(packet);
                }
            }
        };
        thing.connect();
        thing.login();
        loadEmptyRoster(Roster.getInstanceFor(thing));
        AccessPolicy friends = AccessPolicy.friends(thing);
        thing.registerIQRequestHandler(
                new IotIqRequestHandler<>(thing, "probe", NS, IQ.Type.get, Probe.class, Duration.ofSeconds(10)) {
                    @Override
                    protected CompletionStage<? extends IQ> handle(Probe request) {
                        return friends.decide(AccessRequest.read(
                                        request.getFrom(), Tokens.NONE, List.of(), Set.of(), Set.of()))
                                .thenApply(decision -> {
                                    if (!decision.allowed()) {
                                        throw new CompletionException(IotErrors.forbidden("not a friend"));
                                    }
                                    return IQ.createResultIQ(request);
                                });
                    }
                });
    }

    /** Loads an empty roster (a DummyConnection's login does not trigger Smack's roster request). */
    private void loadEmptyRoster(Roster roster) throws Exception {
        CompletableFuture<Roster> loaded = new CompletableFuture<>();
        roster.addRosterLoadedListener(new RosterLoadedListener() {
            @Override
            public void onRosterLoaded(Roster r) {
                loaded.complete(r);
            }

            @Override
            public void onRosterLoadingFailed(Exception e) {
                loaded.completeExceptionally(e);
            }
        });
        roster.reload();
        List<Stanza> seen = new ArrayList<>();
        for (int i = 0; i < 20 && !roster.isLoaded(); i++) {
            Stanza sent = thing.getSentPacket(1);
            if (sent != null) {
                seen.add(sent);
            }
            if (sent instanceof RosterPacket get && get.getType() == IQ.Type.get) {
                RosterPacket result = new RosterPacket();
                result.setType(IQ.Type.result);
                result.setStanzaId(get.getStanzaId());
                thing.processStanza(result);
                loaded.get(10, TimeUnit.SECONDS);
            }
        }
        assertThat(roster.isLoaded()).as("roster loaded; sent: " + seen).isTrue();
    }

    @AfterEach
    void tearDown() {
        thing.instantShutdown();
    }

    @Test
    void aRequestRightAfterTheFriendshipIsAllowed() throws Exception {
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < TRIALS; i++) {
            BareJid friend = JidCreate.bareFrom("friend-" + i + "@example.org");
            RosterPacket push = new RosterPacket();
            push.setType(IQ.Type.set);
            RosterPacket.Item item = new RosterPacket.Item(friend.asEntityBareJidOrThrow(), null);
            item.setItemType(RosterPacket.ItemType.from);
            push.addRosterItem(item);
            thing.processStanza(push);

            Probe probe = new Probe();
            probe.setStanzaId("probe-" + i);
            probe.setFrom(JidCreate.entityFullFrom(friend + "/app"));
            probe.setTo(thing.getUser());
            thing.processStanza(probe);

            IQ answer = answers.poll(10, TimeUnit.SECONDS);
            assertThat(answer).as("answer to probe " + i).isNotNull();
            if (answer.getType() != IQ.Type.result) {
                refused.add(friend + ": " + answer.toXML());
            }
        }
        assertThat(refused)
                .as("requests refused although the roster push came first")
                .isEmpty();
    }
}

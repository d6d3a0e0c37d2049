package io.github.xmppiot.discovery;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jivesoftware.smack.DummyConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The connection {@code thing@example.org/resource} whose server (and every entity behind it) a unit test plays: roster
 * gets are answered with an empty roster and roster sets succeed; any other IQ request is recorded in {@link #requests}
 * and answered by the test's function (no answer if it returns null); presences the connection sends to someone are
 * recorded in {@link #presences}. The test pushes roster items and presences with {@link #rosterPush} and
 * {@link #presenceFrom}. Bounds: the queues keep what one test sends.
 */
public final class PlayedServer extends DummyConnection {

    /** Presences sent to someone, in order. */
    public final BlockingQueue<Presence> presences = new LinkedBlockingQueue<>();

    /** Roster sets sent (changes of the roster), in order. */
    public final BlockingQueue<RosterPacket> rosterSets = new LinkedBlockingQueue<>();

    /** IQ requests sent (roster requests excepted), in order. */
    public final BlockingQueue<IQ> requests = new LinkedBlockingQueue<>();

    /** When true, roster sets are refused with {@code not-allowed}. */
    public volatile boolean refuseRosterSets;

    private volatile Function<IQ, IQ> answers = iq -> null;

    private PlayedServer() throws Exception {
        super("thing", "password", "example.org");
    }

    /**
     * A connected connection, not logged in.
     *
     * @return the connection
     * @throws Exception if Smack refuses it
     */
    public static PlayedServer connected() throws Exception {
        PlayedServer s = new PlayedServer();
        s.connect();
        return s;
    }

    /**
     * A logged-in connection whose (empty) roster is loaded.
     *
     * @return the connection
     * @throws Exception if Smack refuses it
     */
    public static PlayedServer loggedIn() throws Exception {
        PlayedServer s = connected();
        s.login();
        Roster.getInstanceFor(s).reloadAndWait();
        return s;
    }

    /**
     * Sets how IQ requests are answered.
     *
     * @param answers the answer to a request, or null for none
     */
    public void answer(Function<IQ, IQ> answers) {
        this.answers = answers;
    }

    @Override
    protected void sendStanzaInternal(Stanza stanza) {
        if (stanza instanceof Presence p) {
            if (p.getTo() != null) {
                presences.add(p);
            }
        } else if (stanza instanceof RosterPacket r) {
            if (r.getType() == IQ.Type.get) {
                RosterPacket result = new RosterPacket();
                result.setType(IQ.Type.result);
                reply(r, result);
            } else if (r.getType() == IQ.Type.set) {
                rosterSets.add(r);
                reply(
                        r,
                        refuseRosterSets
                                ? IQ.createErrorResponse(r, StanzaError.Condition.not_allowed)
                                : IQ.createResultIQ(r));
            }
        } else if (stanza instanceof IQ iq && (iq.getType() == IQ.Type.get || iq.getType() == IQ.Type.set)) {
            requests.add(iq);
            IQ answer = answers.apply(iq);
            if (answer != null) {
                reply(iq, answer);
            }
        }
    }

    private void reply(IQ request, IQ answer) {
        answer.setStanzaId(request.getStanzaId());
        if (answer.getFrom() == null) {
            answer.setFrom(request.getTo() != null ? request.getTo() : getXMPPServiceDomain());
        }
        answer.setTo(getUser());
        CompletableFuture.runAsync(() -> processStanza(answer));
    }

    /**
     * The server pushes a roster item.
     *
     * @param jid  the contact
     * @param type the subscription state
     */
    public void rosterPush(BareJid jid, RosterPacket.ItemType type) {
        RosterPacket push = new RosterPacket();
        push.setType(IQ.Type.set);
        RosterPacket.Item item = new RosterPacket.Item(jid, null);
        item.setItemType(type);
        push.addRosterItem(item);
        processStanza(push);
    }

    /**
     * The server delivers a presence.
     *
     * @param from the sender's full JID
     * @param type available or unavailable
     */
    public void presenceFrom(Jid from, Presence.Type type) {
        processStanza(StanzaBuilder.buildPresence()
                .ofType(type)
                .from(from)
                .to(getUser())
                .build());
    }

    /**
     * Answers service discovery as a server with components: disco#items of anything lists {@code components};
     * disco#info of an address lists {@code disco#info} and the address's features, or is refused with
     * {@code service-unavailable} when {@code features} maps the address to null. Other requests get no answer.
     *
     * @param components the server's components, read at each request
     * @param features   the features by address, read at each request; an address not in it has none
     * @return the answer function for {@link #answer}
     */
    public static Function<IQ, IQ> disco(Supplier<List<String>> components, Supplier<Map<Jid, List<String>>> features) {
        return iq -> {
            if (iq instanceof DiscoverItems && iq.getType() == IQ.Type.get) {
                DiscoverItems result = new DiscoverItems();
                result.setType(IQ.Type.result);
                components.get().forEach(c -> result.addItem(new DiscoverItems.Item(jid(c))));
                return result;
            }
            if (iq instanceof DiscoverInfo request && iq.getType() == IQ.Type.get) {
                Map<Jid, List<String>> known = features.get();
                if (known.containsKey(request.getTo()) && known.get(request.getTo()) == null) {
                    return IQ.createErrorResponse(request, StanzaError.Condition.service_unavailable);
                }
                var result = DiscoverInfo.builder(request.getStanzaId())
                        .ofType(IQ.Type.result)
                        .addIdentity(new DiscoverInfo.Identity("client", "bot", "x"))
                        .addFeature("http://jabber.org/protocol/disco#info");
                known.getOrDefault(request.getTo(), List.of()).forEach(result::addFeature);
                return result.build();
            }
            return null;
        };
    }

    /**
     * A JID from a string.
     *
     * @param jid the string
     * @return the JID
     */
    public static Jid jid(String jid) {
        return JidCreate.fromOrThrowUnchecked(jid);
    }
}

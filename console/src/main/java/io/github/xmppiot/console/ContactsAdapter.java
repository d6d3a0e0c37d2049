package io.github.xmppiot.console;

import io.github.xmppiot.concentrator.ConcentratorServer;
import io.github.xmppiot.control.ControlServer;
import io.github.xmppiot.sensordata.SensorDataServer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.AbstractRosterListener;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.SubscribeListener;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * The Devices page on the SDK's client side: contacts (RFC 6121 roster) with their presence and what each online
 * resource offers (XEP-0030 features of XEP-0323, XEP-0325, XEP-0326), friend requests, and the resolution of a bare
 * JID to a device's online resource. Every call to Smack's roster and disco lives here.
 */
final class ContactsAdapter {

    /** Most contacts listed. */
    static final int MAX_CONTACTS = 500;
    /** Most resources whose features are remembered (until their next presence). */
    static final int MAX_CACHED = 256;
    /** Resources tried by service discovery when a device's presence is not visible (those of thing and hub). */
    static final List<String> STABLE_RESOURCES = List.of("thing", "hub");

    private static final Map<String, String> FEATURES = Map.of(
            SensorDataServer.NAMESPACE,
            "sensor data",
            ControlServer.NAMESPACE,
            "control",
            ConcentratorServer.FEATURE,
            "concentrator");

    private final XMPPConnection connection;
    private final Roster roster;
    private final ServiceDiscoveryManager disco;
    /** Features by full JID, forgotten at the resource's next presence; access-ordered, guarded by itself. */
    private final Map<Jid, List<String>> cache = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Jid, List<String>> eldest) {
            return size() > MAX_CACHED;
        }
    };

    ContactsAdapter(XMPPConnection connection, Consumer<String> changed) {
        this.connection = connection;
        this.roster = Roster.getInstanceFor(connection);
        this.disco = ServiceDiscoveryManager.getInstanceFor(connection);
        roster.addRosterListener(new AbstractRosterListener() {
            @Override
            public void presenceChanged(Presence presence) {
                synchronized (cache) {
                    cache.remove(presence.getFrom());
                }
                changed.accept(presence.getFrom().asBareJid().toString());
            }
        });
        // a device we asked for friendship asks back (XEP-0324 §3.2): accept it; other requests wait
        roster.addSubscribeListener((from, presence) -> {
            RosterEntry e = roster.getEntry(from.asBareJid());
            return e != null && (e.canSeeHisPresence() || e.isSubscriptionPending())
                    ? SubscribeListener.SubscribeAnswer.Approve
                    : null;
        });
    }

    /** @return the contacts, their online resources and the IoT features of each */
    List<Map<String, Object>> contacts() throws Exception {
        if (!roster.isLoaded()) {
            roster.reloadAndWait();
        }
        List<Map<String, Object>> list = new ArrayList<>();
        List<RosterEntry> entries = new ArrayList<>(roster.getEntries());
        entries.sort(Comparator.comparing(e -> e.getJid().toString()));
        for (RosterEntry e : entries.subList(0, Math.min(entries.size(), MAX_CONTACTS))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("jid", e.getJid().toString());
            m.put("name", e.getName());
            m.put("subscription", e.getType().name() + (e.isSubscriptionPending() ? " (asked)" : ""));
            List<Map<String, Object>> online = new ArrayList<>();
            for (Presence p : roster.getAvailablePresences(e.getJid())) {
                if (p.isAvailable() && p.getFrom() != null && p.getFrom().hasResource()) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("jid", p.getFrom().toString());
                    r.put("features", features(p.getFrom()));
                    online.add(r);
                }
            }
            m.put("online", online);
            list.add(m);
        }
        return list;
    }

    /**
     * Asks a device for friendship (a presence subscription, RFC 6121 §3.1).
     *
     * @param text the device's JID
     * @return the bare JID asked
     */
    String befriend(String text) throws Exception {
        BareJid bare = jid(text).asBareJid();
        roster.createItemAndRequestSubscription(bare, null, null);
        return bare.toString();
    }

    /**
     * Resolves a JID given on a page to the resource to send requests to: a full JID as given; for a bare one the
     * online resource (seen by presence) offering the feature, else a stable resource found by service discovery.
     *
     * @param text    the JID
     * @param feature the namespace the request needs
     * @return the address
     * @throws ConsoleException 404 if no resource is online
     */
    Jid resolve(String text, String feature) {
        Jid jid = jid(text);
        if (jid.hasResource() || !jid.hasLocalpart()) {
            return jid;
        }
        List<Jid> candidates = new ArrayList<>();
        for (Presence p : roster.getAvailablePresences(jid.asBareJid())) {
            if (p.isAvailable() && p.getFrom() != null && p.getFrom().hasResource()) {
                candidates.add(p.getFrom());
            }
        }
        for (String r : STABLE_RESOURCES) {
            Jid full = JidCreate.fullFrom(jid.asEntityBareJidIfPossible(), Resourcepart.fromOrThrowUnchecked(r));
            if (!candidates.contains(full)) {
                candidates.add(full);
            }
        }
        for (Jid c : candidates) {
            if (features(c).contains(FEATURES.get(feature))) {
                return c;
            }
        }
        throw new ConsoleException(
                404,
                text + " has no online resource offering " + FEATURES.get(feature)
                        + " that we can see: befriend it on the Devices page, or give its full JID (" + text
                        + "/RESOURCE)");
    }

    /** The IoT features of a resource, by name; empty if it does not answer. */
    private List<String> features(Jid full) {
        synchronized (cache) {
            List<String> known = cache.get(full);
            if (known != null) {
                return known;
            }
        }
        List<String> found = discover(full);
        if (!found.isEmpty()) {
            synchronized (cache) {
                cache.put(full, found);
            }
        }
        return found;
    }

    private List<String> discover(Jid full) {
        try {
            DiscoverInfo info = disco.discoverInfo(full);
            List<String> names = new ArrayList<>();
            for (String ns : Set.of(SensorDataServer.NAMESPACE, ControlServer.NAMESPACE, ConcentratorServer.FEATURE)) {
                if (info.containsFeature(ns)) {
                    names.add(FEATURES.get(ns));
                }
            }
            names.sort(null);
            return names;
        } catch (Exception e) {
            return List.of();
        }
    }

    /** @return the account the console is logged in as */
    String me() {
        return connection.getUser() == null ? "" : connection.getUser().toString();
    }

    static Jid jid(String text) {
        try {
            if (text == null || text.isBlank() || text.length() > 3071) {
                throw new ConsoleException(400, "give a JID like thing@example.org");
            }
            return JidCreate.from(text.trim());
        } catch (XmppStringprepException e) {
            throw new ConsoleException(400, "'" + text + "' is not a valid JID");
        }
    }
}

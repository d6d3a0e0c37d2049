package io.github.xmppiot.examples.cli;

import io.github.xmppiot.concentrator.ConcentratorException;
import io.github.xmppiot.concentrator.element.ResultCode;
import io.github.xmppiot.core.iq.IotErrorException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.AbstractRosterListener;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.RosterListener;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Turns a JID argument into the address of a request. A full JID is used as given. A bare JID is answered by the
 * server itself (RFC 6120 §10.5.4), so it is resolved to one of the device's online resources: those whose presence
 * we see (we are its friend; waiting up to the timeout for it), else the stable resources of {@code xmpp-iot thing}
 * and {@code hub} ({@link #DEFAULT_RESOURCES}, probed with a service discovery request, which needs no friendship).
 * Of several, the one advertising the requested feature (XEP-0030) is taken, and the command says which it took.
 */
final class Targets {

    /** The resources {@code thing} and {@code hub} use unless {@code --resource} is given. */
    static final List<String> DEFAULT_RESOURCES = List.of("thing", "hub");

    private Targets() {}

    /**
     * Resolves a JID argument, saying on standard error which resource a bare JID was resolved to.
     *
     * @param session the session
     * @param text    the argument
     * @param feature the feature the request needs (a XEP namespace), preferred among several resources
     * @param spec    the running command, for its name and standard error
     * @return the JID to send requests to
     * @throws CliException if the argument is not a JID ({@link CliException#BAD_INPUT}) or no resource is online
     * @throws InterruptedException if interrupted while waiting for presence
     */
    static Jid resolve(Session session, String text, String feature, CommandSpec spec) throws InterruptedException {
        Jid jid = Session.jid(text, "JID");
        if (jid.hasResource() || !jid.hasLocalpart()) {
            return jid;
        }
        BareJid bare = jid.asBareJid();
        XMPPConnection c = session.connection();
        Roster roster = Roster.getInstanceFor(c);
        RosterEntry entry = null;
        try {
            if (!roster.isLoaded()) {
                roster.reloadAndWait();
            }
            entry = roster.getEntry(bare);
        } catch (Exception e) {
            // no roster: only the stable resources can be tried
        }
        boolean friend = entry != null && entry.canSeeHisPresence();
        ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(c);
        List<Jid> online = new ArrayList<>();
        Jid offering = friend ? awaitOffering(session, roster, disco, bare, feature, online) : null;
        String how = "online";
        if (offering == null) {
            List<Jid> probed = new ArrayList<>();
            Jid stable = probeDefaults(disco, bare, feature, probed);
            if (stable != null || online.isEmpty()) {
                offering = stable;
                online = probed;
                how = "found by service discovery";
            }
        }
        if (online.isEmpty()) {
            String me = c.getUser() == null ? "YOU" : c.getUser().asBareJid().toString();
            throw new CliException(
                    CliException.FAILED,
                    friend
                            ? bare + " is offline (no presence within "
                                    + session.timeout().toSeconds() + " s): start it, or" + " give its full JID ("
                                    + bare + "/RESOURCE)"
                            : "cannot find an online resource of " + bare + ": only its friends see its presence; run"
                                    + " 'xmpp-iot befriend " + bare + " --jid " + me
                                    + "' (its owner accepts), or give its"
                                    + " full JID (" + bare + "/RESOURCE)");
        }
        Jid chosen = offering != null ? offering : online.get(0);
        spec.commandLine()
                .getErr()
                .println(spec.name() + ": using " + chosen + " for " + bare + " (" + how
                        + (offering != null ? ", offers " + feature : ", does not say it offers " + feature)
                        + (online.size() > 1 ? ", of " + online.size() + " resources" : "") + ")");
        spec.commandLine().getErr().flush();
        return chosen;
    }

    /**
     * Waits up to the timeout for an available resource of a contact that offers a feature, collecting the available
     * resources seen.
     *
     * @return the resource offering the feature, or null
     */
    private static Jid awaitOffering(
            Session session,
            Roster roster,
            ServiceDiscoveryManager disco,
            BareJid bare,
            String feature,
            List<Jid> online)
            throws InterruptedException {
        BlockingQueue<Presence> changes = new LinkedBlockingQueue<>();
        RosterListener listener = new AbstractRosterListener() {
            @Override
            public void presenceChanged(Presence presence) {
                if (bare.equals(presence.getFrom().asBareJid())) {
                    changes.offer(presence);
                }
            }
        };
        roster.addRosterListener(listener);
        long deadline = System.nanoTime() + session.timeout().toNanos();
        Set<Jid> checked = new HashSet<>();
        try {
            while (true) {
                online.clear();
                online.addAll(available(roster, bare));
                for (Jid candidate : online) {
                    if (checked.add(candidate) && offers(disco, candidate, feature)) {
                        return candidate;
                    }
                }
                long left = deadline - System.nanoTime();
                session.progress()
                        .step("waiting for " + bare + " to be online" + (online.isEmpty() ? "" : " with " + feature)
                                + " ...");
                if (left <= 0 || changes.poll(left, TimeUnit.NANOSECONDS) == null) {
                    return null;
                }
            }
        } finally {
            roster.removeRosterListener(listener);
            session.progress().clear();
        }
    }

    private static boolean offers(ServiceDiscoveryManager disco, Jid candidate, String feature) {
        try {
            return disco.supportsFeature(candidate, feature);
        } catch (Exception e) {
            return false;
        }
    }

    private static List<Jid> available(Roster roster, BareJid bare) {
        List<Jid> online = new ArrayList<>();
        for (Presence p : roster.getAvailablePresences(bare)) {
            if (p.isAvailable() && p.getFrom() != null && p.getFrom().hasResource()) {
                online.add(p.getFrom());
            }
        }
        return online;
    }

    /** Asks the stable resources for their features; returns the first offering the feature, collecting all. */
    private static Jid probeDefaults(ServiceDiscoveryManager disco, BareJid bare, String feature, List<Jid> online) {
        Jid offering = null;
        for (String resource : DEFAULT_RESOURCES) {
            try {
                Jid full = JidCreate.fullFrom(bare, Resourcepart.from(resource));
                DiscoverInfo info = disco.discoverInfo(full);
                online.add(full);
                if (offering == null && info.containsFeature(feature)) {
                    offering = full;
                }
            } catch (Exception e) {
                // not online under this resource
            }
        }
        return offering;
    }

    /**
     * Waits for an answer within the timeout.
     *
     * @param future  the pending answer
     * @param timeout the timeout
     * @param <T>     the answer type
     * @return the answer
     * @throws Exception the failure, which {@link CliErrors} turns into one line
     */
    static <T> T await(CompletableFuture<T> future, Duration timeout) throws Exception {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            future.cancel(true);
            throw e;
        }
    }

    /**
     * Waits for the answer of a device, turning a refusal into a message that says how to become its friend.
     *
     * @param session the session
     * @param target  the device
     * @param future  the pending answer
     * @param timeout the timeout
     * @param <T>     the answer type
     * @return the answer
     * @throws Exception the failure, which {@link CliErrors} turns into one line
     */
    static <T> T await(Session session, Jid target, CompletableFuture<T> future, Duration timeout) throws Exception {
        try {
            return await(future, timeout);
        } catch (ExecutionException e) {
            if (refused(e.getCause())) {
                throw new CliException(CliException.FAILED, refusal(session, target, e.getCause()), e.getCause());
            }
            throw e;
        }
    }

    private static boolean refused(Throwable t) {
        if (t instanceof IotErrorException ie) {
            return ie.condition() == StanzaError.Condition.forbidden
                    || ie.condition() == StanzaError.Condition.not_authorized;
        }
        return t instanceof ConcentratorException ce && ce.result() == ResultCode.INSUFFICIENT_PRIVILEGES;
    }

    private static String refusal(Session session, Jid target, Throwable cause) {
        String me = session.connection().getUser().asBareJid().toString();
        BareJid device = target.asBareJid();
        String why = cause instanceof IotErrorException ie
                ? ie.condition().toString()
                : ((ConcentratorException) cause).result().xmlValue();
        RosterEntry entry = Roster.getInstanceFor(session.connection()).getEntry(device);
        if (entry != null && entry.canSeeHisPresence()) {
            return device + " refused (" + why + ") although you are its friend: its owner or provisioning server"
                    + " does not allow " + me + "; ask its owner for '--allow " + me + "' or a rule for you";
        }
        return device + " refused (" + why + "): not a friend of " + device + ": run 'xmpp-iot befriend " + device
                + " --jid " + me + "' (its owner accepts with 'xmpp-iot accept " + me + " --jid " + device
                + "'), or ask its owner for '--allow " + me + "'";
    }
}

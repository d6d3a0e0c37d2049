package io.github.xmppiot.sensordata;

import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.concurrent.LeasedSettings;
import io.github.xmppiot.core.connection.ConnectionEvent;
import io.github.xmppiot.core.connection.ConnectionStateListener;
import io.github.xmppiot.core.connection.ConnectionSupervisor;
import io.github.xmppiot.core.connection.UnparsableStanzas;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.sensordata.element.Cancel;
import io.github.xmppiot.sensordata.element.Req;
import io.github.xmppiot.sensordata.internal.Admission;
import io.github.xmppiot.sensordata.internal.ReadoutKey;
import io.github.xmppiot.sensordata.internal.ServerHandlers;
import io.github.xmppiot.sensordata.internal.ServerReadout;
import io.github.xmppiot.sensordata.internal.ServerSnapshot;
import io.github.xmppiot.sensordata.provider.SensorDataProviders;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import org.jivesoftware.smack.Manager;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;

/**
 * The Thing side of XEP-0323: answers read-out requests ({@code req}) for the Things of a {@link ThingDirectory} and
 * advertises {@code urn:xmpp:iot:sensordata} in disco#info (§4 "Determining Support").
 *
 * <p>Every request is answered (§3, §3.3): {@code accepted} (with {@code queued='true'} when {@code when} lies in the
 * future, followed by {@code started} when the read-out begins), then {@code failure} and {@code fields} messages of at
 * most {@link SensorDataServerSettings#maxFieldsPerMessage()} values and about
 * {@link SensorDataServerSettings#maxMessageChars()} characters each, ended by
 * {@code done} (by default as {@code done='true'} on the last message, which is also what Smack's client waits for).
 * Refusals are IQ errors: {@code cancel/forbidden} when the {@link AccessPolicy} denies, {@code cancel/item-not-found}
 * for unknown nodes, {@code modify/bad-request} for malformed requests (see
 * {@link io.github.xmppiot.sensordata.provider.ReqProvider}) and for a {@code seqnr} the same requester (full JID) still
 * has in flight. {@code cancel} is accepted in IQ get and set and answered {@code cancelled}; a queued read-out is
 * dropped, a running one stops sending.
 *
 * <p>Order of {@code accepted} and data: when a read-out is finished as soon as it is accepted (the sensors answer
 * synchronously) and fits in one message, its data and end marker are sent <em>before</em> the {@code accepted} IQ
 * result, which still follows (IQ semantics); XEP-0323 §3 allows it: "The accepted message can be omitted if the
 * device already has the response and is ready to send it. If the client receives field data or a done message
 * before receiving an accepted message, the client can assume the device accepted the request". This saves the
 * client the time the server and both ends spend on the IQ result before the data. A read-out that waits for a
 * sensor, or that is split over several messages, is accepted before its first message; a queued one is accepted
 * at once with {@code queued='true'}; refusals are sent at once. {@link SensorDataServerSettings#acceptedFirst()} restores
 * {@code accepted} first for clients that need it. A request whose access decision arrives later (from a
 * provisioning server, XEP-0324) always gets {@code accepted} before its data: its read-out sends the answer itself,
 * on its worker thread, before anything else.
 *
 * <p>Historical categories are answered from the {@link HistoryStore} as well as from the Things' sensors. Sensors are
 * read concurrently, never on Smack's reader thread, each bounded by
 * {@link SensorDataServerSettings#readTimeout()} (a sensor that takes
 * longer is reported as a failure).
 *
 * <p>After a reconnect (see {@link ConnectionSupervisor}): when the XEP-0198 stream was resumed, read-outs in progress
 * and queued ones ({@code when} in the future) go on and their results are delivered. When a fresh session had to be
 * started, the requesters' requests failed on their side with a lost connection, so every read-out in flight is
 * cancelled and reported in the log (level WARNING, with its count).
 *
 * <p>Limits (issue 15): {@link SensorDataServerSettings#readoutLimits()} bounds the read-outs per requester and in total, and
 * how far ahead {@code when} may lie; requests over a limit are refused at once. The tokens a request may carry are
 * bounded by {@link io.github.xmppiot.core.TokenLimits} ({@code modify/bad-request}).
 *
 * <p>Configuration: one immutable {@link SensorDataServerSettings}, read with {@link #settings()} and replaced with
 * {@link #configure(SensorDataServerSettings)} or {@link #update(UnaryOperator)}; a request is served by the settings in
 * force when it arrives. Threads: the settings' {@link io.github.xmppiot.core.concurrent.IotExecutors} (by default
 * {@link io.github.xmppiot.core.concurrent.IotExecutors#shared()}), leased while the server is open; a read-out the
 * work pool refuses is answered {@code wait/resource-constraint}. {@link #close()} stops the server.
 *
 * @since 0.1.0
 */
public final class SensorDataServer extends Manager implements AutoCloseable {

    /** The XEP-0323 namespace, advertised as a disco#info feature. */
    public static final String NAMESPACE = Req.NAMESPACE;

    private static final Map<XMPPConnection, SensorDataServer> INSTANCES = new WeakHashMap<>();

    static {
        SensorDataProviders.register();
    }

    /** How the end of a read-out is marked (XEP-0323 §3). */
    public enum DoneMarker {
        /** {@code done='true'} on the last {@code fields} or {@code failure} message (what Smack's client expects). */
        ATTRIBUTE,
        /** A separate {@code <done/>} message after the last {@code fields} or {@code failure}. */
        ELEMENT,
        /**
         * An empty {@code <fields done='true'/>} message after the last {@code fields} or {@code failure}. Smack 4.4's
         * client ({@code IoTDataManager.requestMomentaryValuesReadOut}) collects data and the end marker with two
         * collectors and may return before its data collector sees a message that carries both; serve Smack clients
         * with this marker.
         */
        EMPTY_FIELDS
    }

    private final Map<ReadoutKey, ServerReadout> inFlight = new ConcurrentHashMap<>();
    private final Admission admission = new Admission();
    private final AccessPolicy friends;
    /** The settings in force and their executors' lease. */
    private final LeasedSettings<SensorDataServerSettings> leased;
    /** The settings in force with the access policy they resolve to; null once closed. */
    private final AtomicReference<ServerSnapshot> current = new AtomicReference<>();

    private final ConnectionStateListener restoreListener = this::onConnectionEvent;

    private SensorDataServer(XMPPConnection connection) {
        super(connection);
        UnparsableStanzas.installOn(connection); // a malformed stanza must not cost the connection
        this.friends = AccessPolicy.friends(connection);
        SensorDataServerSettings initial = SensorDataServerSettings.builder().build();
        leased = new LeasedSettings<>(initial, SensorDataServerSettings::executors);
        current.set(new ServerSnapshot(initial, friends));
        ServerHandlers handlers = new ServerHandlers(connection, this::snapshot, leased, inFlight, admission);
        connection.registerIQRequestHandler(handlers.req(IQ.Type.get));
        connection.registerIQRequestHandler(handlers.req(IQ.Type.set));
        connection.registerIQRequestHandler(handlers.cancel(IQ.Type.get));
        connection.registerIQRequestHandler(handlers.cancel(IQ.Type.set));
        ServiceDiscoveryManager.getInstanceFor(connection).addFeature(NAMESPACE);
        ConnectionSupervisor.getInstanceFor(connection).addListener(restoreListener);
    }

    private void onConnectionEvent(ConnectionEvent event) {
        if (event instanceof ConnectionEvent.Restored r && !r.resumed() && !inFlight.isEmpty()) {
            int n = inFlight.size();
            inFlight.values().forEach(ServerReadout::cancel);
            Logger.getLogger(SensorDataServer.class.getName())
                    .warning(() -> "Cancelled " + n + " read-out(s) in"
                            + " progress or queued: the connection was restored with a new session, so their requesters"
                            + " lost them (XEP-0323 §3.7)");
        }
    }

    /**
     * The server of a connection, created (and advertised in disco#info) on first use, with the settings of
     * {@link SensorDataServerSettings#builder()}; after {@link #close()} a new one.
     *
     * @param connection the Thing's connection
     * @return the server
     */
    public static synchronized SensorDataServer getInstanceFor(XMPPConnection connection) {
        return INSTANCES.computeIfAbsent(connection, SensorDataServer::new);
    }

    /**
     * The settings in force.
     *
     * @return the current snapshot
     * @throws IllegalStateException if the server is closed
     */
    public SensorDataServerSettings settings() {
        return snapshotOrThrow().settings();
    }

    /**
     * Replaces the settings; requests arriving from now on are served by them, read-outs in flight finish with the
     * settings they started with. When the settings name other {@link SensorDataServerSettings#executors()}, a lease
     * of them is taken and the old one is given back once the read-outs started on it have ended.
     *
     * @param settings the new settings
     * @return this server
     * @throws IllegalStateException if the server is closed
     */
    public SensorDataServer configure(SensorDataServerSettings settings) {
        Objects.requireNonNull(settings, "settings");
        synchronized (leased) {
            snapshotOrThrow();
            swap(settings);
        }
        return this;
    }

    /**
     * Changes some settings, atomically: {@code change} gets a builder holding the settings in force.
     *
     * <pre>{@code
     * SensorDataServer.getInstanceFor(connection).update(s -> s.things(things).accessPolicy(policy));
     * }</pre>
     *
     * @param change edits the builder (no other configure or update runs meanwhile)
     * @return this server
     * @throws IllegalArgumentException if the result is out of range (see {@link SensorDataServerSettings})
     * @throws IllegalStateException    if the server is closed
     */
    public SensorDataServer update(UnaryOperator<SensorDataServerSettings.Builder> change) {
        Objects.requireNonNull(change, "change");
        synchronized (leased) {
            ServerSnapshot old = snapshotOrThrow();
            swap(change.apply(old.settings().toBuilder()).build());
        }
        return this;
    }

    /** Installs the settings (under the lock of {@code leased}); leases other executors as needed. */
    private void swap(SensorDataServerSettings given) {
        SensorDataServerSettings settings = given.withOwnDefaults();
        leased.configure(settings);
        current.set(new ServerSnapshot(settings, settings.accessPolicy().orElse(friends)));
    }

    /**
     * The access policy in force: the settings' one, or {@link AccessPolicy#friends(XMPPConnection)} of this
     * server's connection when the settings name none.
     *
     * @return the policy
     * @throws IllegalStateException if the server is closed
     */
    public AccessPolicy accessPolicy() {
        return snapshotOrThrow().accessPolicy();
    }

    /**
     * Number of read-outs accepted and not yet finished (queued or running).
     *
     * @return the count
     */
    public int activeReadouts() {
        return inFlight.size();
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return current.get() == null;
    }

    /**
     * Stops answering: unregisters the request handlers and the connection listener, removes the disco#info feature,
     * cancels every read-out in flight, gives back the executors' lease and forgets this server, so that a later
     * {@link #getInstanceFor(XMPPConnection)} starts a fresh one. Idempotent; the connection stays open.
     */
    @Override
    public void close() {
        ServerSnapshot last;
        synchronized (leased) {
            last = current.getAndSet(null);
        }
        if (last == null) {
            return;
        }
        XMPPConnection c = connection();
        c.unregisterIQRequestHandler(Req.ELEMENT, Req.NAMESPACE, IQ.Type.get);
        c.unregisterIQRequestHandler(Req.ELEMENT, Req.NAMESPACE, IQ.Type.set);
        c.unregisterIQRequestHandler(Cancel.ELEMENT, Cancel.NAMESPACE, IQ.Type.get);
        c.unregisterIQRequestHandler(Cancel.ELEMENT, Cancel.NAMESPACE, IQ.Type.set);
        ServiceDiscoveryManager.getInstanceFor(c).removeFeature(NAMESPACE);
        ConnectionSupervisor.getInstanceFor(c).removeListener(restoreListener);
        inFlight.values().forEach(ServerReadout::cancel);
        leased.close();
        synchronized (SensorDataServer.class) {
            INSTANCES.remove(c, this);
        }
    }

    /** The snapshot a request is served by, or null once closed. */
    private ServerSnapshot snapshot() {
        return current.get();
    }

    private ServerSnapshot snapshotOrThrow() {
        ServerSnapshot s = current.get();
        if (s == null) {
            throw new IllegalStateException(
                    "this SensorDataServer is closed: take a new one with SensorDataServer.getInstanceFor(connection)");
        }
        return s;
    }
}

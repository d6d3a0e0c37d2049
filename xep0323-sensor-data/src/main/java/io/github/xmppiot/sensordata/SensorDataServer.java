package io.github.xmppiot.sensordata;

import io.github.xmppiot.core.access.AccessPolicy;
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
import io.github.xmppiot.sensordata.internal.Threads;
import io.github.xmppiot.sensordata.provider.SensorDataProviders;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
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
 * most {@link #getMaxFieldsPerMessage()} values and about {@link #getMaxMessageChars()} characters each, ended by
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
 * at once with {@code queued='true'}; refusals are sent at once. {@link #setAcceptedFirst(boolean)} restores
 * {@code accepted} first for clients that need it.
 *
 * <p>Historical categories are answered from the {@link HistoryStore} as well as from the Things' sensors. Sensors are
 * read concurrently, never on Smack's reader thread, each bounded by {@link #getReadTimeout()} (a sensor that takes
 * longer is reported as a failure).
 *
 * <p>After a reconnect (see {@link ConnectionSupervisor}): when the XEP-0198 stream was resumed, read-outs in progress
 * and queued ones ({@code when} in the future) go on and their results are delivered. When a fresh session had to be
 * started, the requesters' requests failed on their side with a lost connection, so every read-out in flight is
 * cancelled and reported in the log (level WARNING, with its count).
 *
 * <p>Limits (issue 15): {@link #setReadoutLimits(ReadoutLimits)} bounds the read-outs per requester and in total, and
 * how far ahead {@code when} may lie; requests over a limit are refused at once. The tokens a request may carry are
 * bounded by {@link io.github.xmppiot.core.TokenLimits} ({@code modify/bad-request}).
 *
 * @since 0.1.0
 */
public final class SensorDataServer extends Manager {

    /** The XEP-0323 namespace, advertised as a disco#info feature. */
    public static final String NAMESPACE = Req.NAMESPACE;
    /** Default largest number of field values in one {@code fields} message. */
    public static final int DEFAULT_MAX_FIELDS_PER_MESSAGE = 500;
    /** Default approximate largest {@code fields} message, in characters. */
    public static final int DEFAULT_MAX_MESSAGE_CHARS = 64 * 1024;

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
    private volatile ReadoutLimits readoutLimits = ReadoutLimits.DEFAULT;
    private volatile Executor workExecutor = Threads.WORK;
    private volatile ThingDirectory directory = new ThingDirectory();
    private volatile AccessPolicy accessPolicy;
    private volatile HistoryStore historyStore = new InMemoryHistoryStore();
    private volatile Clock clock = Clock.systemUTC();
    private volatile int maxFieldsPerMessage = DEFAULT_MAX_FIELDS_PER_MESSAGE;
    private volatile int maxMessageChars = DEFAULT_MAX_MESSAGE_CHARS;
    private volatile Duration readTimeout = Duration.ofSeconds(30);
    private volatile DoneMarker doneMarker = DoneMarker.ATTRIBUTE;
    private volatile boolean acceptedFirst;
    private final ConnectionStateListener restoreListener = this::onConnectionEvent;

    private SensorDataServer(XMPPConnection connection) {
        super(connection);
        UnparsableStanzas.installOn(connection); // a malformed stanza must not cost the connection
        this.accessPolicy = AccessPolicy.friends(connection);
        ServerHandlers handlers = new ServerHandlers(this, inFlight, admission);
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
     * The server of a connection, created (and advertised in disco#info) on first use.
     *
     * @param connection the Thing's connection
     * @return the server
     */
    public static synchronized SensorDataServer getInstanceFor(XMPPConnection connection) {
        return INSTANCES.computeIfAbsent(connection, SensorDataServer::new);
    }

    /**
     * Sets the Things that can be read.
     *
     * @param directory the directory (live: Things added later are readable)
     * @return this server
     */
    public SensorDataServer setDirectory(ThingDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
        return this;
    }

    /** @return the Things that can be read */
    public ThingDirectory getDirectory() {
        return directory;
    }

    /**
     * Sets who may read (XEP-0323 §7 security; XEP-0324 provisioning plugs in here). The default is
     * {@link AccessPolicy#friends(XMPPConnection)}. A narrowed decision limits the nodes and field names read.
     *
     * @param accessPolicy the policy
     * @return this server
     */
    public SensorDataServer setAccessPolicy(AccessPolicy accessPolicy) {
        this.accessPolicy = Objects.requireNonNull(accessPolicy, "accessPolicy");
        return this;
    }

    /** @return who may read */
    public AccessPolicy getAccessPolicy() {
        return accessPolicy;
    }

    /**
     * Sets where historical values come from; an {@link InMemoryHistoryStore} by default.
     *
     * @param historyStore the store
     * @return this server
     */
    public SensorDataServer setHistoryStore(HistoryStore historyStore) {
        this.historyStore = Objects.requireNonNull(historyStore, "historyStore");
        return this;
    }

    /** @return where historical values come from */
    public HistoryStore getHistoryStore() {
        return historyStore;
    }

    /**
     * Sets the clock used for timestamps and for deciding whether {@code when} lies in the future; a zone-less
     * {@code when} is read in the clock's zone (XEP-0323 §6.1 time zones).
     *
     * @param clock the clock
     * @return this server
     */
    public SensorDataServer setClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** @return the clock */
    public Clock getClock() {
        return clock;
    }

    /**
     * Bounds the size of each {@code fields} message; large read-outs are split into several messages.
     *
     * @param maxFields most field values per message, at least 1
     * @param maxChars  approximate largest message in characters, at least 1024
     * @return this server
     */
    public SensorDataServer setMessageLimits(int maxFields, int maxChars) {
        if (maxFields < 1 || maxChars < 1024) {
            throw new IllegalArgumentException("need maxFields >= 1 and maxChars >= 1024");
        }
        this.maxFieldsPerMessage = maxFields;
        this.maxMessageChars = maxChars;
        return this;
    }

    /** @return most field values per message */
    public int getMaxFieldsPerMessage() {
        return maxFieldsPerMessage;
    }

    /** @return approximate largest message in characters */
    public int getMaxMessageChars() {
        return maxMessageChars;
    }

    /**
     * Sets how long a Thing (or the history store) may take to deliver its values before it is reported as failed.
     *
     * @param readTimeout the timeout, positive
     * @return this server
     */
    public SensorDataServer setReadTimeout(Duration readTimeout) {
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("readTimeout must be positive");
        }
        this.readTimeout = readTimeout;
        return this;
    }

    /** @return how long a Thing may take */
    public Duration getReadTimeout() {
        return readTimeout;
    }

    /**
     * Sets how the end of a read-out is marked.
     *
     * @param doneMarker attribute (default) or separate element
     * @return this server
     */
    public SensorDataServer setDoneMarker(DoneMarker doneMarker) {
        this.doneMarker = Objects.requireNonNull(doneMarker, "doneMarker");
        return this;
    }

    /** @return how the end of a read-out is marked */
    public DoneMarker getDoneMarker() {
        return doneMarker;
    }

    /**
     * Chooses whether {@code accepted} always precedes the data. By default (false) a read-out that is finished at once
     * and fits in one message is sent before its {@code accepted} IQ result, as XEP-0323 §3 allows: "The accepted
     * message can be omitted if the device already has the response and is ready to send it. If the client receives
     * field data or a done message before receiving an accepted message, the client can assume the device accepted
     * the request". {@link SensorDataClient} and Smack 4.4's {@code IoTDataManager} client both handle that order.
     * Set true for clients that only look for data after {@code accepted}; read-outs then start only after
     * {@code accepted} has been sent.
     *
     * @param acceptedFirst true to send {@code accepted} before any data of the read-out
     * @return this server
     */
    public SensorDataServer setAcceptedFirst(boolean acceptedFirst) {
        this.acceptedFirst = acceptedFirst;
        return this;
    }

    /** @return whether {@code accepted} always precedes the data, see {@link #setAcceptedFirst(boolean)} */
    public boolean isAcceptedFirst() {
        return acceptedFirst;
    }

    /**
     * Sets how much read-out work this server takes on per requester and in total, and how far ahead {@code when} may
     * lie (XEP-0323 §3, §3.4); {@link ReadoutLimits#DEFAULT} unless set. Requests over a limit are refused at once
     * with {@code wait/resource-constraint} ({@code modify/bad-request} for {@code when}).
     *
     * @param limits the limits
     * @return this server
     */
    public SensorDataServer setReadoutLimits(ReadoutLimits limits) {
        this.readoutLimits = Objects.requireNonNull(limits, "limits");
        return this;
    }

    /** @return the read-out limits in force */
    public ReadoutLimits getReadoutLimits() {
        return readoutLimits;
    }

    /**
     * Sets where read-outs do their work (reading sensors, building and sending messages); never Smack's reader
     * thread. The default is a shared daemon pool of 16 threads named {@code xep0323-work-N} (system property
     * {@code xmppiot.sensordata.workThreads}). Give a bounded executor.
     *
     * @param executor the executor
     * @return this server
     */
    public SensorDataServer setWorkExecutor(Executor executor) {
        this.workExecutor = Objects.requireNonNull(executor, "executor");
        return this;
    }

    /** @return where read-outs do their work */
    public Executor getWorkExecutor() {
        return workExecutor;
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
     * The connection this server answers on.
     *
     * @return the connection
     */
    public XMPPConnection getXmppConnection() {
        return connection();
    }

    /**
     * Stops answering: unregisters the request handlers, removes the disco#info feature and cancels every read-out in
     * flight. The server of this connection cannot be used again.
     */
    public void close() {
        XMPPConnection c = connection();
        c.unregisterIQRequestHandler(Req.ELEMENT, Req.NAMESPACE, IQ.Type.get);
        c.unregisterIQRequestHandler(Req.ELEMENT, Req.NAMESPACE, IQ.Type.set);
        c.unregisterIQRequestHandler(Cancel.ELEMENT, Cancel.NAMESPACE, IQ.Type.get);
        c.unregisterIQRequestHandler(Cancel.ELEMENT, Cancel.NAMESPACE, IQ.Type.set);
        ServiceDiscoveryManager.getInstanceFor(c).removeFeature(NAMESPACE);
        inFlight.values().forEach(ServerReadout::cancel);
        ConnectionSupervisor.getInstanceFor(c).removeListener(restoreListener);
        synchronized (SensorDataServer.class) {
            INSTANCES.remove(c);
        }
    }
}

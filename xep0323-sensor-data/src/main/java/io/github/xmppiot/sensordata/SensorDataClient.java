package io.github.xmppiot.sensordata;

import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.core.concurrent.LeasedSettings;
import io.github.xmppiot.core.connection.ConnectionSupervisor;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.sensordata.element.Cancel;
import io.github.xmppiot.sensordata.element.Req;
import io.github.xmppiot.sensordata.internal.ClientInbox;
import io.github.xmppiot.sensordata.internal.ClientReadout;
import io.github.xmppiot.sensordata.internal.Deadlines;
import io.github.xmppiot.sensordata.internal.ListenerCalls;
import io.github.xmppiot.sensordata.provider.SensorDataProviders;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.jivesoftware.smack.Manager;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.StanzaExtensionFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jxmpp.jid.Jid;

/**
 * The client side of XEP-0323: requests read-outs and collects their results (§3 "Use Cases").
 *
 * <p>{@link #read(Jid, ReadoutRequest)} gives the complete read-out as a future;
 * {@link #readout(Jid, ReadoutRequest, ReadoutListener)} also streams partial results to a listener and allows
 * cancelling (§3.7). Results are collected until {@code done} (attribute or element), also when they arrive before
 * {@code accepted}, and filtered against the request (§3: the client MUST filter). A read-out that hears nothing from
 * the Thing for its timeout fails with a {@link ReadoutTimeoutException}; a refusal fails with an
 * {@link IotErrorException} ({@code forbidden}, {@code item-not-found}, {@code bad-request}, …; the obsolete
 * {@code rejected} element of XEP-0324 example 14 counts as {@code forbidden}). Sequence numbers are unique among the
 * read-outs in flight on this connection. Messages of any type are accepted. A read-out in progress (also one queued
 * for a later {@code when}) fails at once with {@link io.github.xmppiot.core.connection.ConnectionLostException} when
 * the connection drops.
 *
 * <p>Configuration: one immutable {@link SensorDataClientSettings} ({@link #settings()}, {@link #configure},
 * {@link #update}); listeners are called and idle timers run on the settings'
 * {@link io.github.xmppiot.core.concurrent.IotExecutors}, leased while the client is open. {@link #close()} stops the
 * client.
 *
 * <p>Send requests to the Thing's full JID: an IQ to a bare account JID is answered by the server, not the device.
 *
 * @since 0.1.0
 */
public final class SensorDataClient extends Manager implements AutoCloseable {

    private static final Map<XMPPConnection, SensorDataClient> INSTANCES = new WeakHashMap<>();

    static {
        SensorDataProviders.register();
    }

    private final ClientInbox inbox = new ClientInbox();

    private final AtomicInteger nextSeqnr =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(1, 1 << 30));
    /** The settings in force and their executors' lease. */
    private final LeasedSettings<SensorDataClientSettings> leased;

    private record LeaseDeadlines(IotExecutors.Lease lease, Deadlines deadlines) {}

    private LeaseDeadlines deadlines;

    private final StanzaListener messages = inbox::onMessage;
    private final StanzaListener answers = inbox::onAnswer;

    private SensorDataClient(XMPPConnection connection) {
        super(connection);
        SensorDataClientSettings initial = SensorDataClientSettings.DEFAULTS;
        leased = new LeasedSettings<>(initial, SensorDataClientSettings::executors);
        connection.addSyncStanzaListener(
                messages, new AndFilter(StanzaTypeFilter.MESSAGE, new StanzaExtensionFilter(Req.NAMESPACE)));
        // One listener for the answers to every req, in the same ordered queue as the results: Smack's
        // sendIqRequestAsync would register and remove a listener and schedule a reactor timeout per read-out (a
        // thread wake-up each) while the read-out's own idle timer already covers an unanswered request.
        connection.addSyncStanzaListener(answers, inbox::isAnswer);
    }

    /**
     * The client of a connection, with {@link SensorDataClientSettings#DEFAULTS}; after {@link #close()} a new one.
     *
     * @param connection the requester's connection
     * @return the client
     */
    public static synchronized SensorDataClient getInstanceFor(XMPPConnection connection) {
        return INSTANCES.computeIfAbsent(connection, SensorDataClient::new);
    }

    /**
     * The settings in force.
     *
     * @return the current snapshot
     * @throws IllegalStateException if the client is closed
     */
    public SensorDataClientSettings settings() {
        checkOpen();
        return leased.settings();
    }

    /**
     * Replaces the settings; read-outs started from now on use them, read-outs in progress keep theirs. When the
     * settings name other {@link SensorDataClientSettings#executors()}, a lease of them is taken and the old one is
     * given back once the read-outs started on it have ended.
     *
     * @param settings the new settings
     * @return this client
     * @throws IllegalStateException if the client is closed
     */
    public SensorDataClient configure(SensorDataClientSettings settings) {
        Objects.requireNonNull(settings, "settings");
        synchronized (leased) {
            checkOpen();
            leased.configure(settings);
        }
        return this;
    }

    /**
     * Changes some settings, atomically: {@code change} gets a builder holding the settings in force.
     *
     * <pre>{@code
     * SensorDataClient.getInstanceFor(connection).update(s -> s.defaultTimeout(Duration.ofSeconds(10)));
     * }</pre>
     *
     * @param change edits the builder (it is called again if another thread configured the client meanwhile)
     * @return this client
     * @throws IllegalArgumentException if the result is out of range (see {@link SensorDataClientSettings})
     * @throws IllegalStateException    if the client is closed
     */
    public SensorDataClient update(UnaryOperator<SensorDataClientSettings.Builder> change) {
        Objects.requireNonNull(change, "change");
        synchronized (leased) {
            checkOpen();
            leased.configure(change.apply(leased.settings().toBuilder()).build());
        }
        return this;
    }

    /** The idle timer of read-outs started on a lease (one per lease, on its timer). */
    private synchronized Deadlines deadlines(IotExecutors.Lease lease) {
        if (deadlines == null || deadlines.lease() != lease) {
            deadlines = new LeaseDeadlines(lease, new Deadlines(lease.timer()));
        }
        return deadlines.deadlines();
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return leased.isClosed();
    }

    /**
     * Stops the client: removes its stanza listeners, fails every read-out in progress with a
     * {@link java.util.concurrent.CancellationException} (no {@code cancel} is sent), gives back the executors' lease
     * once their listeners have been called and forgets this client, so that a later
     * {@link #getInstanceFor(XMPPConnection)} starts a fresh one. Idempotent; the connection stays open.
     */
    @Override
    public void close() {
        synchronized (leased) {
            if (leased.isClosed()) {
                return;
            }
            leased.close(); // the lease is given back once the read-outs in progress have called their listeners
        }
        XMPPConnection c = connection();
        c.removeSyncStanzaListener(messages);
        c.removeSyncStanzaListener(answers);
        for (ClientReadout r : inbox.active()) {
            r.fail(new CancellationException("the SensorDataClient was closed"));
        }
        synchronized (SensorDataClient.class) {
            INSTANCES.remove(c, this);
        }
    }

    private void checkOpen() {
        if (leased.isClosed()) {
            throw closedFailure();
        }
    }

    private static IllegalStateException closedFailure() {
        return new IllegalStateException(
                "this SensorDataClient is closed: take a new one with SensorDataClient.getInstanceFor(connection)");
    }

    /**
     * Reads a Thing and waits for the whole read-out.
     *
     * @param thing   the Thing's full JID
     * @param request what to read
     * @return completes on {@code done}; see {@link ReadoutSession#result()} for failures
     * @throws IllegalStateException if the client is closed
     */
    public CompletableFuture<Readout> read(Jid thing, ReadoutRequest request) {
        return readout(thing, request, ReadoutListener.NONE).result();
    }

    /**
     * Starts a read-out, streaming partial results to a listener.
     *
     * @param thing    the Thing's full JID
     * @param request  what to read
     * @param listener receives partial results in order, never on Smack's reader thread
     * @return the read-out in progress
     * @throws IllegalStateException if the client is closed
     */
    public ReadoutSession readout(Jid thing, ReadoutRequest request, ReadoutListener listener) {
        Objects.requireNonNull(thing, "thing");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(listener, "listener");
        LeasedSettings.Hold<SensorDataClientSettings> snapshot;
        try {
            snapshot = leased.hold(); // kept until the read-out's listeners have been called
        } catch (IllegalStateException closed) {
            throw closedFailure();
        }
        IotExecutors.Lease lease = snapshot.lease();
        Deadlines deadlines = deadlines(lease);
        ListenerCalls calls = new ListenerCalls(lease.serial(snapshot.settings().callbackQueue()), snapshot::close);
        Duration timeout = request.timeout().orElse(snapshot.settings().defaultTimeout());
        ClientReadout session;
        Req req;
        while (true) {
            int seqnr = nextSeqnr.getAndUpdate(x -> x == Integer.MAX_VALUE ? 1 : x + 1);
            Req candidateReq = new Req(seqnr, request);
            candidateReq.setTo(thing);
            String id = candidateReq.hasStanzaIdSet() ? candidateReq.getStanzaId() : candidateReq.setStanzaId();
            ClientReadout candidate = new ClientReadout(
                    seqnr,
                    thing,
                    request,
                    listener,
                    timeout,
                    this::sendCancel,
                    () -> inbox.remove(seqnr, id),
                    calls,
                    deadlines);
            if (inbox.add(seqnr, id, candidate)) {
                session = candidate;
                req = candidateReq;
                break;
            }
        }
        session.arm();
        // fail at once with ConnectionLostException when the connection drops (shared mechanism of iot-core)
        CompletableFuture<Void> guard =
                ConnectionSupervisor.getInstanceFor(connection()).failFast(new CompletableFuture<>());
        session.result().whenComplete((r, e) -> guard.complete(null));
        guard.whenComplete((r, e) -> {
            if (e != null) {
                session.fail(e);
            }
        });
        // XEP-0324 §3.1.3.2: the holder of a token answers its challenge only if it knows it sent the token here
        io.github.xmppiot.core.TokensSent.announce(connection(), request.tokens(), thing);
        try {
            connection().sendStanza(req);
        } catch (SmackException.NotConnectedException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            session.fail(e);
        }
        return session;
    }

    /**
     * Number of read-outs started and not yet ended.
     *
     * @return the count
     */
    public int activeReadouts() {
        return inbox.active().size();
    }

    private CompletableFuture<Void> sendCancel(ClientReadout s) {
        Cancel cancel = new Cancel(s.seqnr());
        cancel.setTo(s.respondent());
        CompletableFuture<Void> done = new CompletableFuture<>();
        connection()
                .sendIqRequestAsync(cancel, s.result().isDone() ? 1000 : cancelTimeout())
                .onSuccess(iq -> {
                    if (iq.getType() == IQ.Type.error) {
                        done.completeExceptionally(ClientInbox.errorOf(iq));
                    } else {
                        done.complete(null);
                    }
                })
                .onError(e -> done.completeExceptionally(
                        e instanceof XMPPException.XMPPErrorException x
                                ? IotErrorException.from(x.getStanzaError())
                                : e));
        return done;
    }

    /** How long a {@code cancel} may wait for its answer: the default timeout in force. */
    private long cancelTimeout() {
        return leased.settings().defaultTimeout().toMillis();
    }
}

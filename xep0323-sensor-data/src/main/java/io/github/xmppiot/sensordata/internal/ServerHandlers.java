package io.github.xmppiot.sensordata.internal;

import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.core.concurrent.LeasedSettings;
import io.github.xmppiot.core.internal.Sending;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.iq.IotErrors;
import io.github.xmppiot.core.iq.IotIqRequestHandler;
import io.github.xmppiot.core.thing.ReadScope;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.sensordata.ReadoutLimits;
import io.github.xmppiot.sensordata.ReadoutRequest;
import io.github.xmppiot.sensordata.SensorDataServer;
import io.github.xmppiot.sensordata.SensorDataServerSettings;
import io.github.xmppiot.sensordata.element.Accepted;
import io.github.xmppiot.sensordata.element.Cancel;
import io.github.xmppiot.sensordata.element.Cancelled;
import io.github.xmppiot.sensordata.element.Req;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jxmpp.jid.Jid;

/**
 * The IQ request handlers of {@link SensorDataServer}: {@code req} (XEP-0323 §3) and {@code cancel} (§3.7), both
 * asynchronous through {@link IotIqRequestHandler} so that Smack's reader thread never waits for an access decision or
 * a sensor. A read-out accepted at once and due now runs on the handler thread and decides itself when its
 * {@code accepted} answer goes out ({@link ServerReadout#startHere(Runnable)}, XEP-0323 §3). Before anything else a
 * request is checked against the server's {@link ReadoutLimits}: {@code when} beyond the horizon is a
 * {@code bad-request}, a requester (or the device) over its count gets {@code resource-constraint}.
 */
public final class ServerHandlers {

    private static final Logger LOG = Logger.getLogger(ServerHandlers.class.getName());

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final XMPPConnection connection;
    private final Supplier<ServerSnapshot> current;
    private final LeasedSettings<SensorDataServerSettings> leased;
    private final Map<ReadoutKey, ServerReadout> inFlight;
    /**
     * The {@code accepted} answers that read-outs started after a later decision send themselves, until the request
     * handler has seen them (weak: an answer the handler never sees, after its timeout, does not stay).
     */
    private final Set<IQ> ownAnswers = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private final Admission admission;

    /**
     * Creates the handlers of a server.
     *
     * @param connection the connection the server answers on
     * @param current    the server's settings in force (taken once per request), or null once the server is closed
     * @param leased     the server's settings and the lease of their executors, held by each read-out until it ends
     * @param inFlight   the read-outs accepted and not finished, keyed by requester full JID and seqnr
     * @param admission  counts requests per requester against the settings' {@link ReadoutLimits}
     */
    public ServerHandlers(
            XMPPConnection connection,
            Supplier<ServerSnapshot> current,
            LeasedSettings<SensorDataServerSettings> leased,
            Map<ReadoutKey, ServerReadout> inFlight,
            Admission admission) {
        this.connection = connection;
        this.current = current;
        this.leased = leased;
        this.inFlight = inFlight;
        this.admission = admission;
    }

    /**
     * The {@code req} handler.
     *
     * @param type the IQ type handled
     * @return the handler
     */
    public IotIqRequestHandler<Req> req(IQ.Type type) {
        return new IotIqRequestHandler<>(connection, Req.ELEMENT, Req.NAMESPACE, type, Req.class, ANSWER_TIMEOUT) {
            @Override
            protected CompletionStage<? extends IQ> handle(Req request) {
                return onReq(request);
            }

            @Override
            protected boolean answerLater(Req request, IQ answer, Runnable sendAnswer) {
                if (ownedByReadout(answer)) {
                    return true;
                }
                ServerReadout readout = readoutDueNow(request, answer);
                if (readout == null) {
                    return false;
                }
                if (readout.acceptedFirst()) {
                    sendAnswer.run();
                    readout.startHere();
                } else {
                    readout.startHere(sendAnswer);
                }
                return true;
            }

            @Override
            protected boolean answerCompletedLater(Req request, IQ answer, Runnable sendAnswer) {
                return ownedByReadout(answer);
            }
        };
    }

    /**
     * Whether a read-out started after a later decision sends this {@code accepted} answer itself (before its data),
     * so that the request handler must not; true once per answer.
     */
    private boolean ownedByReadout(IQ answer) {
        return answer instanceof Accepted && ownAnswers.remove(answer);
    }

    /**
     * The {@code cancel} handler.
     *
     * @param type the IQ type handled (XEP-0323 examples use get; set is accepted too)
     * @return the handler
     */
    public IotIqRequestHandler<Cancel> cancel(IQ.Type type) {
        return new IotIqRequestHandler<>(
                connection, Cancel.ELEMENT, Cancel.NAMESPACE, type, Cancel.class, ANSWER_TIMEOUT) {
            @Override
            protected CompletionStage<? extends IQ> handle(Cancel request) {
                ServerReadout r = inFlight.get(new ReadoutKey(request.getFrom(), request.seqnr()));
                if (r != null) {
                    r.cancel();
                }
                return CompletableFuture.completedFuture(new Cancelled(request.seqnr()));
            }
        };
    }

    private CompletionStage<IQ> onReq(Req req) {
        Jid requester = req.getFrom();
        if (requester == null) {
            return CompletableFuture.failedFuture(IotErrors.badRequest("request without sender"));
        }
        ReadoutKey key = new ReadoutKey(requester, req.seqnr());
        if (inFlight.containsKey(key)) {
            return CompletableFuture.failedFuture(
                    IotErrors.badRequest("seqnr " + req.seqnr() + " is already used by a read-out in progress"));
        }
        ServerSnapshot snapshot = current.get();
        if (snapshot == null) {
            return CompletableFuture.failedFuture(closed());
        }
        SensorDataServerSettings settings = snapshot.settings();
        ReadoutRequest r = req.request();
        ReadoutLimits limits = settings.readoutLimits();
        Duration delay = delayUntil(r.when().orElse(null), settings.clock());
        if (delay.compareTo(limits.whenHorizon()) > 0) {
            return CompletableFuture.failedFuture(IotErrors.badRequest("'when' lies more than " + limits.whenHorizon()
                    + " ahead; this device queues read-outs up to that horizon"));
        }
        Admission.Slot slot;
        try {
            slot = admission.admit(requester.asBareJid(), !delay.isZero(), limits);
        } catch (IotErrorException e) {
            return CompletableFuture.failedFuture(e);
        }
        AccessRequest access = AccessRequest.read(
                requester, r.tokens(), r.nodes(), Set.copyOf(r.fieldNames()), r.effectiveCategories());
        CompletionStage<AccessDecision> decision;
        try {
            decision = snapshot.accessPolicy().decide(access);
        } catch (RuntimeException e) {
            slot.release();
            return CompletableFuture.failedFuture(e);
        }
        // A decision already made is applied on this thread, and a read-out due now is then started on it too, with
        // the accepted answer sent around its data (answerLater); a later decision starts it on a worker thread that
        // sends accepted itself before its data (the handler leaves that answer to it: ownedByReadout).
        // The slot is held until the read-out ends (it is released by onFinish), or at once if the request is refused;
        // a decision still missing when the request is answered (ANSWER_TIMEOUT) no longer holds it.
        CompletableFuture<AccessDecision> decided = decision.toCompletableFuture();
        boolean immediate = decided.isDone();
        if (!immediate) {
            decided = decided.copy().orTimeout(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        return decided.thenApply(d -> accept(key, req, snapshot, d, !immediate, slot))
                .whenComplete((iq, e) -> {
                    if (e != null) {
                        slot.release();
                    }
                });
    }

    /**
     * The read-out to start on the handler thread for an answer ready at once: one accepted synchronously and due now.
     * It is then started with the {@code accepted} answer, which it sends after its data if the read-out is finished at
     * once in one message (XEP-0323 §3), unless the settings' {@code acceptedFirst} asks for the old order.
     *
     * @return the read-out, or null if the answer is an error, a queued acceptance, or there is nothing to start
     */
    private ServerReadout readoutDueNow(Req req, IQ answer) {
        if (!(answer instanceof Accepted a) || a.queued() || req.getFrom() == null) {
            return null;
        }
        return inFlight.get(new ReadoutKey(req.getFrom(), req.seqnr()));
    }

    private IQ accept(
            ReadoutKey key,
            Req req,
            ServerSnapshot snapshot,
            AccessDecision decision,
            boolean startNow,
            Admission.Slot slot) {
        if (decision == null || !decision.allowed()) {
            throw new CompletionException(IotErrors.forbidden("Access denied."));
        }
        ReadoutRequest r = req.request();
        SensorDataServerSettings settings = snapshot.settings();
        ThingDirectory.Selection selection = settings.things().select(r.nodes());
        if (!selection.unknown().isEmpty()) {
            throw new CompletionException(IotErrors.itemNotFound("unknown node(s): " + selection.unknown()));
        }
        List<Thing> things = new ArrayList<>();
        for (Thing t : selection.things()) {
            if (decision.allowsNode(t.node())) {
                things.add(t);
            }
        }
        if (selection.things().isEmpty()) {
            throw new CompletionException(IotErrors.itemNotFound("no readable node"));
        }
        Set<String> names = narrowNames(r.fieldNames(), decision.names());
        if (things.isEmpty() || names == null) {
            throw new CompletionException(IotErrors.forbidden("none of the requested nodes or fields may be read"));
        }
        Clock clock = settings.clock();
        ReadScope scope = new ReadScope(r.effectiveCategories(), names, r.from().orElse(null), r.to().orElse(null));
        LeasedSettings.Hold<SensorDataServerSettings> lease = hold();
        ServerReadout readout = new ServerReadout(new ServerReadout.Setup(
                req.seqnr(),
                things,
                scope,
                settings.historyStore(),
                clock,
                settings.readTimeout(),
                new MessageSplitter(req.seqnr(), settings.maxFieldsPerMessage(), settings.maxMessageChars()),
                settings.doneMarker(),
                settings.acceptedFirst(),
                payload -> connection.sendStanza(message(connection, key.requester(), payload)),
                () -> {
                    inFlight.remove(key);
                    slot.release();
                    lease.close();
                },
                lease.snapshot().work(),
                lease.snapshot().timer()));
        if (inFlight.putIfAbsent(key, readout) != null) {
            lease.close();
            throw new CompletionException(
                    IotErrors.badRequest("seqnr " + req.seqnr() + " is already used by a read-out in progress"));
        }
        Duration delay = delayUntil(r.when().orElse(null), clock);
        Accepted accepted = new Accepted(req.seqnr(), !delay.isZero());
        try {
            if (delay.isZero()) {
                if (startNow) {
                    IotIqRequestHandler.resultFor(req, accepted);
                    ownAnswers.add(accepted);
                    readout.start(() -> send(accepted));
                }
            } else {
                readout.schedule(delay);
            }
        } catch (RejectedExecutionException e) {
            ownAnswers.remove(accepted);
            readout.cancel(); // frees the seqnr, the slot and the lease; the handler answers wait/resource-constraint
            throw e;
        }
        return accepted;
    }

    private void send(IQ answer) {
        Sending.sendOrLog(connection, answer, LOG, "accepted");
    }

    /**
     * Keeps the executors in force open for a read-out until it ends (a later swap or close gives them back then).
     *
     * @throws CompletionException with {@code cancel/service-unavailable} if the server is closed
     */
    private LeasedSettings.Hold<SensorDataServerSettings> hold() {
        try {
            return leased.hold();
        } catch (IllegalStateException closedMeanwhile) {
            throw new CompletionException(closed());
        }
    }

    private static IotErrorException closed() {
        return new IotErrorException(
                StanzaError.Condition.service_unavailable,
                StanzaError.Type.CANCEL,
                "the sensor-data server of this device is closed",
                List.of());
    }

    /**
     * Names to read: the requested ones, narrowed by the decision.
     *
     * @return the names (empty: all), or null if the narrowing leaves none
     */
    private static Set<String> narrowNames(List<String> requested, Set<String> allowed) {
        if (allowed.isEmpty()) {
            return Set.copyOf(requested);
        }
        if (requested.isEmpty()) {
            return allowed;
        }
        Set<String> s = new HashSet<>(requested);
        s.retainAll(allowed);
        return s.isEmpty() ? null : s;
    }

    private static Duration delayUntil(DateTimeValue when, Clock clock) {
        if (when == null) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        ZoneOffset own = clock.getZone().getRules().getOffset(now);
        Duration d = Duration.between(now, when.toInstant(own));
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static Message message(XMPPConnection connection, Jid to, ExtensionElement payload) {
        return connection
                .getStanzaFactory()
                .buildMessageStanza()
                .to(to)
                .addExtension(payload)
                .build();
    }
}

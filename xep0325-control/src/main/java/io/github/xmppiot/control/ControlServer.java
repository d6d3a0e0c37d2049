package io.github.xmppiot.control;

import io.github.xmppiot.control.element.ControlFormResponse;
import io.github.xmppiot.control.element.ControlSet;
import io.github.xmppiot.control.element.GetFormRequest;
import io.github.xmppiot.control.element.SetRequest;
import io.github.xmppiot.control.element.SetResponse;
import io.github.xmppiot.control.internal.ControlContext;
import io.github.xmppiot.control.internal.ControlProcessor;
import io.github.xmppiot.control.provider.ControlProviders;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.core.concurrent.LeasedSettings;
import io.github.xmppiot.core.connection.UnparsableStanzas;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.iq.IotErrors;
import io.github.xmppiot.core.iq.IotIqRequestHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.Manager;
import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.StanzaExtensionFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jxmpp.jid.Jid;

/**
 * The Thing side of XEP-0325 on one connection: answers {@code set} in IQs with {@code setResponse} (§3.1), executes
 * {@code set} in messages of any type without answering, serves control forms for {@code getForm} (§3.3, §3.4), and
 * advertises {@code urn:xmpp:iot:control} (§4 "Determining Support").
 *
 * <p>What it serves is given by one immutable {@link ControlServerSettings} snapshot ({@link #configure},
 * {@link #update}); each request is served with the snapshot in force when it arrives. The Things come from the
 * settings' directory; a request without {@code node} addresses the only Thing of a directory holding one, and is
 * refused with {@code bad-request} when it holds several. Control is allowed to friends by default
 * ({@link AccessPolicy#friends}, §7 "Security Considerations"); a XEP-0324 provisioning policy can replace it. Every
 * parameter is validated against every addressed node before anything is applied; a request with any bad value
 * changes nothing and is refused with {@code modify/bad-request} and one {@code paramError} per bad parameter; unknown
 * parameters give {@code cancel/item-not-found}, locked ones {@code wait/conflict}, refused access
 * {@code cancel/forbidden}, a full queue or refused task {@code wait/resource-constraint}. Parameters are applied in
 * document order, on the settings' {@link IotExecutors}. Handlers never block Smack's reader thread and always answer.
 *
 * <p>{@link #close()} stops serving; {@link #getInstanceFor} then gives a fresh server.
 *
 * @since 0.1.0
 */
public final class ControlServer extends Manager implements AutoCloseable {

    /** The XEP-0325 namespace, also the service discovery feature. */
    public static final String NAMESPACE = ControlSet.NAMESPACE;
    /** Longest time a request may take before it is answered with {@code internal-server-error}. */
    public static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(ControlServer.class.getName());
    private static final Map<XMPPConnection, ControlServer> INSTANCES = new WeakHashMap<>();

    static {
        ControlProviders.register();
    }

    private final ControlProcessor processor = new ControlProcessor(ANSWER_TIMEOUT);
    private final List<Consumer<ControlOutcome>> listeners = new CopyOnWriteArrayList<>();
    private final AccessPolicy friends;
    private final IQRequestHandler setHandler;
    private final IQRequestHandler formHandler;
    private final StanzaListener messageListener = this::onMessage;
    private final Object lock = new Object();
    /** The settings in force and the lease taken from their executors. */
    private final LeasedSettings<ControlServerSettings> state;

    private boolean closed;

    private ControlServer(XMPPConnection connection) {
        super(connection);
        UnparsableStanzas.installOn(connection); // a malformed stanza must not cost the connection
        this.friends = AccessPolicy.friends(connection);
        ControlServerSettings initial = ControlServerSettings.builder().build();
        this.state = new LeasedSettings<>(initial, ControlServerSettings::executors);
        this.setHandler =
                new IotIqRequestHandler<SetRequest>(
                        connection, ControlSet.ELEMENT, NAMESPACE, IQ.Type.set, SetRequest.class, ANSWER_TIMEOUT) {
                    @Override
                    protected CompletionStage<? extends IQ> handle(SetRequest request) {
                        return execute(requester(request), false, request.controlSet())
                                .thenApply(r -> resultFor(request, new SetResponse(r.nodes(), r.parameters())));
                    }
                };
        this.formHandler =
                new IotIqRequestHandler<GetFormRequest>(
                        connection,
                        GetFormRequest.ELEMENT,
                        NAMESPACE,
                        IQ.Type.get,
                        GetFormRequest.class,
                        ANSWER_TIMEOUT) {
                    @Override
                    protected CompletionStage<? extends IQ> handle(GetFormRequest request) {
                        LeasedSettings.Hold<ControlServerSettings> held = hold();
                        return processor
                                .form(context(held), requester(request), request.tokens(), request.nodes())
                                .whenComplete((form, e) -> held.close())
                                .thenApply(form -> resultFor(request, new ControlFormResponse(form)));
                    }
                };
        connection.registerIQRequestHandler(setHandler);
        connection.registerIQRequestHandler(formHandler);
        connection.addAsyncStanzaListener(
                messageListener,
                new AndFilter(StanzaTypeFilter.MESSAGE, new StanzaExtensionFilter(ControlSet.ELEMENT, NAMESPACE)));
        ServiceDiscoveryManager.getInstanceFor(connection).addFeature(NAMESPACE);
    }

    /**
     * The control server of a connection, created on first use with {@link ControlServerSettings#builder()}'s
     * defaults (no Things yet); after {@link #close()} a new one.
     *
     * @param connection the Thing's connection
     * @return the server
     */
    public static synchronized ControlServer getInstanceFor(XMPPConnection connection) {
        return INSTANCES.computeIfAbsent(connection, ControlServer::new);
    }

    /**
     * The settings in force.
     *
     * @return the current snapshot
     */
    public ControlServerSettings settings() {
        return state.settings();
    }

    /**
     * Replaces the settings; requests that arrive afterwards are served with them, requests already accepted finish
     * with the settings they arrived with. Naming other executors takes a lease from them and gives back the old one
     * once the requests accepted with it have been answered.
     *
     * @param given the new settings ({@link ControlServerSettings#DEFAULTS}' directory is replaced by an empty one of
     *              this server's own)
     * @return this server
     * @throws IllegalStateException if the server is closed
     */
    public ControlServer configure(ControlServerSettings given) {
        Objects.requireNonNull(given, "settings must not be null; start from ControlServerSettings.builder()");
        ControlServerSettings settings = given.withOwnDefaults();
        synchronized (lock) {
            checkOpen();
            state.configure(settings);
        }
        return this;
    }

    /**
     * Changes some settings, keeping the others: {@code server.update(s -> s.things(directory))}.
     *
     * @param change edits a builder holding the current settings
     * @return this server
     * @throws IllegalStateException if the server is closed
     */
    public ControlServer update(UnaryOperator<ControlServerSettings.Builder> change) {
        Objects.requireNonNull(change, "change");
        synchronized (lock) {
            return configure(change.apply(settings().toBuilder()).build());
        }
    }

    /**
     * The access policy in force: the settings' policy, or {@link AccessPolicy#friends} of this server's connection
     * when the settings name none (XEP-0325 §7).
     *
     * @return the policy
     */
    public AccessPolicy accessPolicy() {
        return state.settings().accessPolicy().orElse(friends);
    }

    /**
     * Registers a listener told about the outcome of every request, IQ or message.
     *
     * @param listener called once per request, on the thread that completed it; must return quickly
     */
    public void addOutcomeListener(Consumer<ControlOutcome> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Removes an outcome listener.
     *
     * @param listener the listener
     */
    public void removeOutcomeListener(Consumer<ControlOutcome> listener) {
        listeners.remove(listener);
    }

    private CompletableFuture<SetResult> execute(Jid requester, boolean byMessage, ControlSet set) {
        LeasedSettings.Hold<ControlServerSettings> held;
        try {
            held = hold();
        } catch (RejectedExecutionException closedMeanwhile) {
            return CompletableFuture.failedFuture(closedMeanwhile);
        }
        return processor.set(context(held), requester, set).whenComplete((result, failure) -> {
            held.close();
            ControlOutcome outcome =
                    new ControlOutcome(requester, byMessage, result, failure == null ? null : asIotError(failure));
            for (Consumer<ControlOutcome> l : listeners) {
                try {
                    l.accept(outcome);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "control outcome listener failed", e);
                }
            }
        });
    }

    private void onMessage(Stanza stanza) {
        Message message = (Message) stanza;
        if (!(message.getExtensionElement(ControlSet.ELEMENT, NAMESPACE) instanceof ControlSet set)
                || message.getFrom() == null) {
            return;
        }
        execute(message.getFrom(), true, set).exceptionally(e -> {
            LOG.log(Level.FINE, "message-mode control request from " + message.getFrom() + " refused", e);
            return null;
        });
    }

    private Jid requester(IQ request) {
        if (request.getFrom() != null) {
            return request.getFrom();
        }
        return connection().getUser();
    }

    /** The settings in force, whose executors stay open until the hold is closed (when the request is answered). */
    private LeasedSettings.Hold<ControlServerSettings> hold() {
        try {
            return state.hold();
        } catch (IllegalStateException closedMeanwhile) {
            throw new RejectedExecutionException("the control server is closed", closedMeanwhile);
        }
    }

    private ControlContext context(LeasedSettings.Hold<ControlServerSettings> s) {
        ControlServerSettings settings = s.settings();
        return new ControlContext(
                settings.things(),
                settings.accessPolicy().orElse(friends),
                settings.maxQueuedRequests(),
                s.lease().work(),
                s.lease().timer());
    }

    /**
     * Stops serving: unregisters the request handlers and the message listener, removes the disco#info feature, gives
     * back the executor lease and forgets this server, so that {@link #getInstanceFor} starts a fresh one. Requests
     * already accepted are still answered. Closing again has no effect; the connection stays open.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        XMPPConnection c = connection();
        if (c != null) {
            c.unregisterIQRequestHandler(setHandler);
            c.unregisterIQRequestHandler(formHandler);
            c.removeAsyncStanzaListener(messageListener);
            ServiceDiscoveryManager.getInstanceFor(c).removeFeature(NAMESPACE);
            synchronized (ControlServer.class) {
                INSTANCES.remove(c, this);
            }
        }
        state.close();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(
                    "this ControlServer is closed; call ControlServer.getInstanceFor(connection) for a new one");
        }
    }

    private static IotErrorException asIotError(Throwable failure) {
        return IotErrors.of(failure);
    }
}

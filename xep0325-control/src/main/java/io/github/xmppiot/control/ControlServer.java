package io.github.xmppiot.control;

import io.github.xmppiot.control.element.ControlFormResponse;
import io.github.xmppiot.control.element.ControlSet;
import io.github.xmppiot.control.element.GetFormRequest;
import io.github.xmppiot.control.element.SetRequest;
import io.github.xmppiot.control.element.SetResponse;
import io.github.xmppiot.control.internal.ControlProcessor;
import io.github.xmppiot.control.provider.ControlProviders;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.connection.UnparsableStanzas;
import io.github.xmppiot.core.internal.Failures;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.iq.IotErrors;
import io.github.xmppiot.core.iq.IotIqRequestHandler;
import io.github.xmppiot.core.thing.ThingDirectory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.Manager;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.StanzaExtensionFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
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
 * <p>The Things come from a {@link ThingDirectory}; a request without {@code node} addresses the only Thing of a
 * directory holding one, and is refused with {@code bad-request} when it holds several. Control is allowed to friends
 * by default ({@link AccessPolicy#friends}, §7 "Security Considerations"); a XEP-0324 provisioning policy can replace
 * it. Every parameter is validated against every addressed node before anything is applied; a request with any bad
 * value changes nothing and is refused with {@code modify/bad-request} and one {@code paramError} per bad parameter;
 * unknown parameters give {@code cancel/item-not-found}, locked ones {@code wait/conflict}, refused access
 * {@code cancel/forbidden}. Parameters are applied in document order. Handlers never block Smack's reader thread and
 * always answer.
 *
 * @since 0.1.0
 */
public final class ControlServer extends Manager {

    /** The XEP-0325 namespace, also the service discovery feature. */
    public static final String NAMESPACE = ControlSet.NAMESPACE;
    /** Longest time a request may take before it is answered with {@code internal-server-error}. */
    public static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(ControlServer.class.getName());
    private static final Map<XMPPConnection, ControlServer> INSTANCES = new WeakHashMap<>();

    static {
        ControlProviders.register();
    }

    private volatile ThingDirectory things = new ThingDirectory();
    private volatile AccessPolicy accessPolicy;
    private final ControlProcessor processor;
    private final List<Consumer<ControlOutcome>> listeners = new CopyOnWriteArrayList<>();

    private ControlServer(XMPPConnection connection) {
        super(connection);
        UnparsableStanzas.installOn(connection); // a malformed stanza must not cost the connection
        this.accessPolicy = AccessPolicy.friends(connection);
        this.processor = new ControlProcessor(() -> things, () -> accessPolicy, ANSWER_TIMEOUT);
        connection.registerIQRequestHandler(
                new IotIqRequestHandler<SetRequest>(
                        connection, ControlSet.ELEMENT, NAMESPACE, IQ.Type.set, SetRequest.class, ANSWER_TIMEOUT) {
                    @Override
                    protected CompletionStage<? extends IQ> handle(SetRequest request) {
                        return execute(requester(request), false, request.controlSet())
                                .thenApply(r -> resultFor(request, new SetResponse(r.nodes(), r.parameters())));
                    }
                });
        connection.registerIQRequestHandler(
                new IotIqRequestHandler<GetFormRequest>(
                        connection,
                        GetFormRequest.ELEMENT,
                        NAMESPACE,
                        IQ.Type.get,
                        GetFormRequest.class,
                        ANSWER_TIMEOUT) {
                    @Override
                    protected CompletionStage<? extends IQ> handle(GetFormRequest request) {
                        return processor
                                .form(requester(request), request.tokens(), request.nodes())
                                .thenApply(form -> resultFor(request, new ControlFormResponse(form)));
                    }
                });
        connection.addAsyncStanzaListener(
                this::onMessage,
                new AndFilter(StanzaTypeFilter.MESSAGE, new StanzaExtensionFilter(ControlSet.ELEMENT, NAMESPACE)));
        ServiceDiscoveryManager.getInstanceFor(connection).addFeature(NAMESPACE);
    }

    /**
     * The control server of a connection, created on first use.
     *
     * @param connection the Thing's connection
     * @return the server
     */
    public static synchronized ControlServer getInstanceFor(XMPPConnection connection) {
        return INSTANCES.computeIfAbsent(connection, ControlServer::new);
    }

    /**
     * Sets the Things to control.
     *
     * @param things the directory (a plain device holds one Thing; a concentrator many, XEP-0325 §3.4)
     * @return this server
     */
    public ControlServer setThings(ThingDirectory things) {
        this.things = Objects.requireNonNull(things, "things");
        return this;
    }

    /** @return the Things controlled */
    public ThingDirectory things() {
        return things;
    }

    /**
     * Sets who may control (XEP-0325 §7; XEP-0324 §3.4 provisioning may narrow requests to fewer nodes or parameters,
     * which the answer then lists).
     *
     * @param policy the policy
     * @return this server
     */
    public ControlServer setAccessPolicy(AccessPolicy policy) {
        this.accessPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /** @return the access policy in force */
    public AccessPolicy accessPolicy() {
        return accessPolicy;
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
        return processor.set(requester, set).whenComplete((result, failure) -> {
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

    private static IotErrorException asIotError(Throwable failure) {
        Throwable t = Failures.unwrap(failure);
        return t instanceof IotErrorException e ? e : IotErrors.internalError(String.valueOf(t.getMessage()));
    }
}

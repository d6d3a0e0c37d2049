package io.github.xmppiot.control;

import io.github.xmppiot.control.element.ControlFormResponse;
import io.github.xmppiot.control.element.ControlSet;
import io.github.xmppiot.control.element.GetFormRequest;
import io.github.xmppiot.control.element.SetRequest;
import io.github.xmppiot.control.element.SetResponse;
import io.github.xmppiot.control.internal.ErrorReader;
import io.github.xmppiot.control.provider.ControlProviders;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.TokensSent;
import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.core.concurrent.LeasedSettings;
import io.github.xmppiot.core.connection.ConnectionSupervisor;
import io.github.xmppiot.core.value.Value;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.UnaryOperator;
import org.jivesoftware.smack.Manager;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.UnparsedIQ;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jivesoftware.smackx.xdata.provider.DataFormProvider;
import org.jxmpp.jid.Jid;

/**
 * The controller side of XEP-0325 on one connection: typed {@code set}s in IQs (§3.1, §3.2) answered with a
 * {@link SetResult}, fire-and-forget {@code set}s in messages, control forms (§3.3) read into
 * {@link ParameterDescription}s, and partial form submissions. Every method is asynchronous; a refusal completes the
 * future with a {@link ControlException} carrying the condition and each {@code paramError}; no answer in time
 * completes it with Smack's {@link SmackException.NoResponseException}; a connection that drops while the request is
 * in flight completes it at once with {@link io.github.xmppiot.core.connection.ConnectionLostException}.
 *
 * <p>An answer of IQ type {@code error} is always a refusal, even without an {@code <error/>} child; so is a
 * {@code setResponse} carrying a pre-0.3 {@code responseCode} other than {@code OK} (older drafts, Slixmpp 1.8), mapped
 * to an XMPP condition by {@link LegacyResponseCode}.
 *
 * <p>Address the Thing by its full JID: an IQ sent to a bare JID is answered by the server, not by the device.
 * Booleans are sent as {@code <boolean/>} (Smack's own IoT client sends {@code <bool/>}; the Thing side accepts both).
 *
 * <p>The reply timeout and the executors come from one immutable {@link ControlClientSettings} snapshot
 * ({@link #configure}, {@link #update}); futures complete on the settings' {@link IotExecutors}, never on Smack's
 * threads. {@link #close()} gives the executors back; {@link #getInstanceFor} then gives a fresh client.
 *
 * @since 0.1.0
 */
public final class ControlClient extends Manager implements AutoCloseable {

    private static final Map<XMPPConnection, ControlClient> INSTANCES = new WeakHashMap<>();

    static {
        ControlProviders.register();
    }

    private final Object lock = new Object();
    /** The settings in force and the lease taken from their executors. */
    private final LeasedSettings<ControlClientSettings> state;

    private volatile boolean closed;

    private ControlClient(XMPPConnection connection) {
        super(connection);
        ControlClientSettings initial = ControlClientSettings.DEFAULTS;
        this.state = new LeasedSettings<>(initial, ControlClientSettings::executors);
    }

    /**
     * The control client of a connection, created on first use with {@link ControlClientSettings#DEFAULTS}; after
     * {@link #close()} a new one.
     *
     * @param connection the controller's connection
     * @return the client
     */
    public static synchronized ControlClient getInstanceFor(XMPPConnection connection) {
        return INSTANCES.computeIfAbsent(connection, ControlClient::new);
    }

    /**
     * The settings in force.
     *
     * @return the current snapshot
     */
    public ControlClientSettings settings() {
        return state.settings();
    }

    /**
     * Replaces the settings; requests sent afterwards use them. Naming other executors takes a lease from them and
     * gives back the old one once the requests sent with it have completed.
     *
     * @param settings the new settings
     * @return this client
     * @throws IllegalStateException if the client is closed
     */
    public ControlClient configure(ControlClientSettings settings) {
        Objects.requireNonNull(settings, "settings must not be null; start from ControlClientSettings.builder()");
        synchronized (lock) {
            checkOpen();
            state.configure(settings);
        }
        return this;
    }

    /**
     * Changes some settings, keeping the others: {@code client.update(s -> s.replyTimeout(Duration.ofSeconds(5)))}.
     *
     * @param change edits a builder holding the current settings
     * @return this client
     * @throws IllegalStateException if the client is closed
     */
    public ControlClient update(UnaryOperator<ControlClientSettings.Builder> change) {
        Objects.requireNonNull(change, "change");
        synchronized (lock) {
            return configure(change.apply(settings().toBuilder()).build());
        }
    }

    /**
     * Gives back the executor lease and forgets this client, so that {@link #getInstanceFor} starts a fresh one.
     * Requests in flight still complete; new ones fail with {@link IllegalStateException}. Closing again has no
     * effect; the connection stays open.
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
            synchronized (ControlClient.class) {
                INSTANCES.remove(c, this);
            }
        }
        state.close();
    }

    private void checkOpen() {
        if (closed) {
            throw closedFailure();
        }
    }

    /**
     * Sets one parameter of any control type (§3.2), for example a {@code ColorValue} or {@code DurationValue}.
     *
     * @param thing the Thing's full JID
     * @param name  the parameter name
     * @param value the value
     * @return completes with the result
     */
    public CompletableFuture<SetResult> set(Jid thing, String name, Value value) {
        return set(thing, ControlRequest.builder().set(name, value).build());
    }

    /**
     * Sets a {@code boolean} parameter (§3.2, example 4).
     *
     * @param thing the Thing's full JID
     * @param name  the parameter name
     * @param value the value
     * @return completes with the result
     */
    public CompletableFuture<SetResult> set(Jid thing, String name, boolean value) {
        return set(thing, ControlRequest.builder().set(name, value).build());
    }

    /**
     * Sets an {@code int} parameter (§3.2, example 5).
     *
     * @param thing the Thing's full JID
     * @param name  the parameter name
     * @param value the value
     * @return completes with the result
     */
    public CompletableFuture<SetResult> set(Jid thing, String name, int value) {
        return set(thing, ControlRequest.builder().set(name, value).build());
    }

    /**
     * Sets a {@code long} parameter (§3.2, example 6).
     *
     * @param thing the Thing's full JID
     * @param name  the parameter name
     * @param value the value
     * @return completes with the result
     */
    public CompletableFuture<SetResult> set(Jid thing, String name, long value) {
        return set(thing, ControlRequest.builder().set(name, value).build());
    }

    /**
     * Sets a {@code double} parameter (§3.2, example 8).
     *
     * @param thing the Thing's full JID
     * @param name  the parameter name
     * @param value the value
     * @return completes with the result
     */
    public CompletableFuture<SetResult> set(Jid thing, String name, double value) {
        return set(thing, ControlRequest.builder().set(name, value).build());
    }

    /**
     * Sets a {@code string} parameter (§3.2, example 7).
     *
     * @param thing the Thing's full JID
     * @param name  the parameter name
     * @param value the value
     * @return completes with the result
     */
    public CompletableFuture<SetResult> set(Jid thing, String name, String value) {
        return set(thing, ControlRequest.builder().set(name, value).build());
    }

    /**
     * Sends a multi-parameter, possibly multi-node request in an IQ (§3.2 "Setting multiple control parameters at
     * once", §3.4).
     *
     * @param thing   the Thing's full JID
     * @param request the request
     * @return completes with the result
     */
    public CompletableFuture<SetResult> set(Jid thing, ControlRequest request) {
        return send(thing, request.toElement());
    }

    /**
     * Sends a request in a {@code message} (§3.1 "Sending a control command using a message stanza"): no answer, no
     * error, whatever happens.
     *
     * @param thing   the Thing's JID
     * @param request the request
     * @return completes when the message has been handed to the connection
     */
    public CompletableFuture<Void> setByMessage(Jid thing, ControlRequest request) {
        if (closed) {
            return CompletableFuture.failedFuture(closedFailure());
        }
        ControlSet set = request.toElement();
        TokensSent.announce(connection(), set.tokens(), thing);
        Message message = connection()
                .getStanzaFactory()
                .buildMessageStanza()
                .to(thing)
                .addExtension(set)
                .build();
        try {
            connection().sendStanza(message);
            return CompletableFuture.completedFuture(null);
        } catch (SmackException.NotConnectedException e) {
            return CompletableFuture.failedFuture(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Fetches the control form of a Thing (§3.3).
     *
     * @param thing the Thing's full JID
     * @return completes with the form
     */
    public CompletableFuture<ControlForm> getForm(Jid thing) {
        return getForm(thing, Tokens.NONE, List.of());
    }

    /**
     * Fetches the control form of nodes behind a Thing; with several nodes only the parameters common to all (§3.4).
     *
     * @param thing  the Thing's full JID
     * @param tokens the tokens, may be {@link Tokens#NONE}
     * @param nodes  the nodes; empty for the Thing itself
     * @return completes with the form
     */
    public CompletableFuture<ControlForm> getForm(Jid thing, Tokens tokens, List<NodeRef> nodes) {
        GetFormRequest request = new GetFormRequest(tokens, nodes);
        request.setTo(thing);
        TokensSent.announce(connection(), tokens, thing);
        return request(request).thenApply(iq -> ControlForm.of(thing, nodes, tokens, formOf(iq)));
    }

    /**
     * Submits the edited fields of a control form (§3.3 "Setting a (partial) control form").
     *
     * @param submission the submission
     * @return completes with the result
     */
    public CompletableFuture<SetResult> submit(ControlForm.Submission submission) {
        return send(submission.form().thing(), submission.toElement());
    }

    private CompletableFuture<SetResult> send(Jid thing, ControlSet set) {
        SetRequest request = new SetRequest(set);
        request.setTo(thing);
        TokensSent.announce(connection(), set.tokens(), thing);
        return request(request)
                .thenApply(iq -> iq instanceof SetResponse r
                        ? new SetResult(r.nodes(), r.parameterNames())
                        : SetResult.asRequested());
    }

    private CompletableFuture<IQ> request(IQ request) {
        if (closed) {
            return CompletableFuture.failedFuture(closedFailure());
        }
        LeasedSettings.Hold<ControlClientSettings> s;
        try {
            s = state.hold(); // the executors stay open until the result is delivered
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(closedFailure());
        }
        XMPPConnection c = connection();
        long timeout = s.settings().replyTimeout().map(Duration::toMillis).orElse(c.getReplyTimeout());
        CompletableFuture<IQ> result = new CompletableFuture<>();
        result.whenComplete((iq, e) -> s.close());
        c.sendIqRequestAsync(request, timeout)
                .onSuccess(iq -> deliver(s.lease().work(), () -> {
                    ControlException refusal = ErrorReader.refusal(iq);
                    if (refusal != null) {
                        result.completeExceptionally(refusal);
                    } else {
                        result.complete(iq);
                    }
                }))
                .onError(e -> deliver(s.lease().work(), () -> result.completeExceptionally(ErrorReader.convert(e))));
        return ConnectionSupervisor.getInstanceFor(c).failFast(result);
    }

    /** Completes a future on the work pool, or here if the pool refuses (an answer is never dropped). */
    private static void deliver(Executor work, Runnable completion) {
        try {
            work.execute(completion);
        } catch (RejectedExecutionException e) {
            completion.run();
        }
    }

    private static IllegalStateException closedFailure() {
        return new IllegalStateException(
                "this ControlClient is closed; call ControlClient.getInstanceFor(connection) for a new one");
    }

    private static DataForm formOf(IQ iq) {
        if (iq instanceof ControlFormResponse r) {
            return r.form();
        }
        if (iq instanceof UnparsedIQ unparsed
                && DataForm.ELEMENT.equals(unparsed.getChildElementName())
                && DataForm.NAMESPACE.equals(unparsed.getChildElementNamespace())) {
            try {
                return DataFormProvider.INSTANCE.parse(
                        PacketParserUtils.getParserFor(unparsed.getContent().toString()));
            } catch (XmlPullParserException | IOException | SmackParsingException e) {
                throw new IllegalStateException("unreadable control form: " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException(
                "the answer to getForm carries no control form: <" + iq.getChildElementName() + "/>");
    }
}

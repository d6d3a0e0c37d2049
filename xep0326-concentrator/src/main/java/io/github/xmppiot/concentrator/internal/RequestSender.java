package io.github.xmppiot.concentrator.internal;

import io.github.xmppiot.concentrator.ConcentratorException;
import io.github.xmppiot.concentrator.element.ConcentratorRequest;
import io.github.xmppiot.concentrator.element.ConcentratorResponse;
import io.github.xmppiot.concentrator.element.ResultCode;
import io.github.xmppiot.core.connection.ConnectionSupervisor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;

/**
 * Sends one XEP-0326 request element and checks the response code (CHECKLIST 326-3): a code other than {@code OK},
 * or an XMPP error, fails the future with a {@link ConcentratorException}. The future completes on the given executor,
 * never on Smack's reader thread, and fails at once with
 * {@link io.github.xmppiot.core.connection.ConnectionLostException} when the connection drops.
 */
public final class RequestSender {

    private static final Pattern TEXT = Pattern.compile("<text\\b[^>]*>([^<]*)</text>");

    private RequestSender() {}

    /**
     * Sends a request element. The element is fresh for this call: its {@code to} is set here.
     *
     * @param connection the connection
     * @param element    the request, addressed by the caller
     * @param complete   where the future completes
     * @return the response with {@code result='OK'}
     */
    public static CompletableFuture<ConcentratorResponse> send(
            XMPPConnection connection, ConcentratorRequest element, Executor complete) {
        CompletableFuture<ConcentratorResponse> f = new CompletableFuture<>();
        connection
                .sendIqRequestAsync(element)
                .onSuccess(iq -> on(complete, f, () -> complete(f, iq)))
                .onError(e -> on(complete, f, () -> fail(f, e)));
        return ConnectionSupervisor.getInstanceFor(connection).failFast(f);
    }

    private static void on(Executor executor, CompletableFuture<?> f, Runnable r) {
        try {
            executor.execute(r);
        } catch (RejectedExecutionException e) {
            f.completeExceptionally(e);
        }
    }

    private static void fail(CompletableFuture<ConcentratorResponse> f, Exception e) {
        if (e instanceof XMPPException.XMPPErrorException x) {
            if (x.getStanza() instanceof ConcentratorResponse r) {
                f.completeExceptionally(new ConcentratorException(r.result(), r, text(x.getStanzaError())));
            } else {
                f.completeExceptionally(new ConcentratorException(
                        ResultCode.fromCondition(x.getStanzaError().getCondition()),
                        null,
                        x.getStanzaError().toString()));
            }
        } else {
            f.completeExceptionally(e);
        }
    }

    private static void complete(CompletableFuture<ConcentratorResponse> f, IQ iq) {
        if (!(iq instanceof ConcentratorResponse r)) {
            f.completeExceptionally(new ConcentratorException(
                    ResultCode.OTHER_ERROR, null, "unexpected answer " + iq.getChildElementName()));
        } else if (!r.result().isOk()) {
            f.completeExceptionally(new ConcentratorException(r.result(), r, null));
        } else {
            f.complete(r);
        }
    }

    /**
     * The concentrator's reason (the error's {@code text}). Smack 4.4 reads a {@code text} child without the stanzas
     * namespace, as Smack itself writes it inside an IQ, as an extension instead; it is then taken from the XML.
     */
    static String text(StanzaError error) {
        String text = error.getDescriptiveText();
        if (text != null) {
            return text;
        }
        Matcher m = TEXT.matcher(error.toXML().toString());
        return m.find()
                ? m.group(1)
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&quot;", "\"")
                        .replace("&apos;", "'")
                        .replace("&amp;", "&")
                : null;
    }
}

package io.github.xmppiot.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.control.element.ControlSet;
import io.github.xmppiot.control.internal.ControlContext;
import io.github.xmppiot.control.internal.ControlProcessor;
import io.github.xmppiot.control.provider.ControlProviders;
import io.github.xmppiot.control.provider.ControlSetProvider;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.thing.ThingDirectory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/** Test helpers for the Thing-side logic. */
final class Fixtures {

    static final Jid CLIENT = JidCreate.fromOrThrowUnchecked("primary@example.org/amr");

    static {
        ControlProviders.register();
    }

    private Fixtures() {}

    /** Held for the whole test run: the processor's tasks run on the shared executors, as a server's do. */
    private static final IotExecutors.Lease LEASE = IotExecutors.shared().acquire();

    /** A processor with the settings a server would hand it for every request. */
    record Processor(ControlProcessor processor, ControlContext context) {

        CompletableFuture<SetResult> set(Jid requester, ControlSet set) {
            return processor.set(context, requester, set);
        }

        CompletableFuture<DataForm> form(Jid requester, Tokens tokens, List<NodeRef> nodes) {
            return processor.form(context, requester, tokens, nodes);
        }
    }

    static Processor processor(ThingDirectory things, AccessPolicy policy) {
        return processor(things, policy, Duration.ofSeconds(5), ControlServerSettings.DEFAULT_MAX_QUEUED_REQUESTS);
    }

    static Processor processor(ThingDirectory things, AccessPolicy policy, Duration applyTimeout, int maxQueued) {
        return new Processor(
                new ControlProcessor(applyTimeout),
                new ControlContext(things, policy, maxQueued, LEASE.work(), LEASE.timer()));
    }

    static Processor processor(ThingDirectory things) {
        return processor(things, AccessPolicy.allowEveryone());
    }

    /** Parses a {@code set} element as the message provider does. */
    static ControlSet set(String xml) {
        try {
            XmlPullParser parser = PacketParserUtils.getParserFor(xml);
            return ControlSetProvider.parseSet(parser, parser.getDepth());
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static <T> T value(CompletableFuture<T> f) throws Exception {
        return f.get(5, TimeUnit.SECONDS);
    }

    static IotErrorException failure(CompletableFuture<?> f) throws Exception {
        try {
            Object v = f.get(5, TimeUnit.SECONDS);
            throw new AssertionError("expected a refusal, got " + v);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(IotErrorException.class);
            return (IotErrorException) e.getCause();
        }
    }
}

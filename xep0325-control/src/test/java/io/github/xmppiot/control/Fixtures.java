package io.github.xmppiot.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.control.element.ControlSet;
import io.github.xmppiot.control.internal.ControlProcessor;
import io.github.xmppiot.control.provider.ControlProviders;
import io.github.xmppiot.control.provider.ControlSetProvider;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.thing.ThingDirectory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/** Test helpers for the Thing-side logic. */
final class Fixtures {

    static final Jid CLIENT = JidCreate.fromOrThrowUnchecked("primary@example.org/amr");

    static {
        ControlProviders.register();
    }

    private Fixtures() {}

    static ControlProcessor processor(ThingDirectory things, AccessPolicy policy) {
        return new ControlProcessor(() -> things, () -> policy, Duration.ofSeconds(5));
    }

    static ControlProcessor processor(ThingDirectory things) {
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

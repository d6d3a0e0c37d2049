package io.github.xmppiot.examples.cli;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.meta.MetaTags;
import io.github.xmppiot.core.meta.StringTag;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.discovery.ClaimUri;
import io.github.xmppiot.discovery.QrTerminal;
import io.github.xmppiot.discovery.RegistrationResult;
import io.github.xmppiot.discovery.ThingDiscoveryListener;
import io.github.xmppiot.discovery.ThingDiscoveryManager;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/**
 * Registration of a Thing in a thing registry (XEP-0347 §3.6) for {@code thing --registry}: its meta tags plus a
 * random {@code KEY} (so that only someone who saw the claim string can claim it), the claim string and QR code
 * printed for the owner, and the owner allowed to read and control once the registry says it was claimed.
 */
final class Registration {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Registration() {}

    /**
     * Registers once the registry is reachable and prints the claim string. The Thing and its registry come up in any
     * order: while the registry is not reachable one line says so, and the registration is sent when it appears
     * (found by bare JID through presence, under any resource); the reply timeout never ends the wait.
     *
     * @param session  the Thing's session
     * @param thing    the Thing
     * @param registry the registry
     * @param allowed  who may read and control; the owner is added when claimed and removed when it disowns
     * @param out      where the claim string and events are printed
     * @return completes with the KEY of the printed claim string, or null if the Thing was already claimed;
     *         exceptionally if the registry refused the registration (the failure is printed)
     */
    static CompletableFuture<String> register(
            Session session, Thing thing, Jid registry, Set<BareJid> allowed, PrintWriter out) {
        ThingDiscoveryManager discovery = ThingDiscoveryManager.getInstanceFor(session.connection());
        discovery.update(b -> b.registry(registry));
        discovery.addListener(new ThingDiscoveryListener() {
            @Override
            public void claimed(Jid owner, NodeRef node, boolean isPublic) {
                allowed.add(owner.asBareJid());
                print(out, "claimed by " + owner.asBareJid() + (isPublic ? " (public)" : " (private)"));
            }

            @Override
            public void removed(NodeRef node) {
                print(out, "removed from the registry by its owner");
            }

            @Override
            public void disowned(NodeRef node) {
                allowed.clear();
                print(out, "disowned: it can be claimed again");
            }
        });
        List<MetaTag> tags = new ArrayList<>(thing.metaTags());
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        String keyText = HexFormat.of().formatHex(key);
        tags.add(new StringTag(MetaTags.KEY, keyText));
        return discovery
                .registerWhenReachable(
                        tags,
                        null,
                        false,
                        () -> print(out, "waiting for the registry " + registry + " to come online; registering then"))
                .handle((result, e) -> {
                    if (e != null) {
                        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                        print(
                                out,
                                "not registered in " + registry + ": "
                                        + CliErrors.oneLine(String.valueOf(t.getMessage())));
                        throw new CompletionException(t);
                    }
                    if (result instanceof RegistrationResult.AlreadyClaimed claimed) {
                        allowed.add(claimed.owner().asBareJid());
                        print(
                                out,
                                "registered in " + registry + "; already claimed by "
                                        + claimed.owner().asBareJid());
                        return null;
                    }
                    String uri = ClaimUri.encode(tags);
                    synchronized (out) {
                        out.println("registered in " + registry + "; the owner claims it by scanning this code");
                        out.print(QrTerminal.render(uri, false));
                        out.println("or with: xmpp-iot claim --registry " + registry.asBareJid() + " '" + uri + "'");
                        out.flush();
                    }
                    return keyText;
                });
    }

    private static void print(PrintWriter out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}

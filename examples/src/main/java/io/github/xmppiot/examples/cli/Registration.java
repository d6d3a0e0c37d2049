package io.github.xmppiot.examples.cli;

import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.discovery.ClaimUri;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.meta.MetaTags;
import io.github.xmppiot.discovery.QrTerminal;
import io.github.xmppiot.discovery.RegistrationResult;
import io.github.xmppiot.core.meta.StringTag;
import io.github.xmppiot.discovery.ThingDiscoveryListener;
import io.github.xmppiot.discovery.ThingDiscoveryManager;
import io.github.xmppiot.core.NodeRef;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/**
 * Registration of a Thing in a thing registry (XEP-0347 §3.6) for {@code thing --registry}: its meta tags plus a
 * random {@code KEY} (so that only someone who saw the claim string can claim it), the claim string and QR code
 * printed for the owner, and the owner allowed to read and control once the registry says it was claimed.
 */
final class Registration {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Registration() {
    }

    /**
     * Registers and prints the claim string.
     *
     * @param session  the Thing's session
     * @param thing    the Thing
     * @param registry the registry
     * @param allowed  who may read and control; the owner is added when claimed and removed when it disowns
     * @param out      where the claim string and events are printed
     * @return the KEY of the printed claim string, or null if the Thing was already claimed
     * @throws Exception if the registration fails
     */
    static String register(Session session, Thing thing, Jid registry, Set<BareJid> allowed, PrintWriter out)
            throws Exception {
        ThingDiscoveryManager discovery = ThingDiscoveryManager.getInstanceFor(session.connection());
        discovery.setRegistry(registry);
        discovery.addListener(new ThingDiscoveryListener() {
            @Override
            public void claimed(Jid owner, NodeRef node, boolean isPublic) {
                allowed.add(owner.asBareJid());
                out.println("claimed by " + owner.asBareJid() + (isPublic ? " (public)" : " (private)"));
                out.flush();
            }

            @Override
            public void removed(NodeRef node) {
                out.println("removed from the registry by its owner");
                out.flush();
            }

            @Override
            public void disowned(NodeRef node) {
                allowed.clear();
                out.println("disowned: it can be claimed again");
                out.flush();
            }
        });
        List<MetaTag> tags = new ArrayList<>(thing.metaTags());
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        String keyText = HexFormat.of().formatHex(key);
        tags.add(new StringTag(MetaTags.KEY, keyText));
        session.progress().step("registering in " + registry + " ...");
        RegistrationResult result = Targets.await(discovery.register(tags, null, false), session.timeout());
        session.progress().clear();
        if (result instanceof RegistrationResult.AlreadyClaimed claimed) {
            allowed.add(claimed.owner().asBareJid());
            out.println("registered in " + registry + "; already claimed by " + claimed.owner().asBareJid());
            out.flush();
            return null;
        } else {
            String uri = ClaimUri.encode(tags);
            out.println("registered in " + registry + "; the owner claims it by scanning this code");
            out.print(QrTerminal.render(uri, false));
            out.println("or with: xmpp-iot claim --registry " + registry.asBareJid() + " '" + uri + "'");
        }
        out.flush();
        return keyText;
    }
}

package io.github.xmppiot.discovery.provider;

import io.github.xmppiot.discovery.element.Claimed;
import io.github.xmppiot.discovery.element.Disown;
import io.github.xmppiot.discovery.element.Disowned;
import io.github.xmppiot.discovery.element.Found;
import io.github.xmppiot.discovery.element.Mine;
import io.github.xmppiot.discovery.element.Register;
import io.github.xmppiot.discovery.element.Remove;
import io.github.xmppiot.discovery.element.Removed;
import io.github.xmppiot.discovery.element.Search;
import io.github.xmppiot.discovery.element.Unregister;
import io.github.xmppiot.discovery.element.Update;
import io.github.xmppiot.discovery.internal.DiscoveryXml;
import org.jivesoftware.smack.provider.ProviderManager;

/**
 * Registers the XEP-0347 providers with Smack, once; called by the managers' static initialisers.
 *
 * @since 0.1.0
 */
public final class DiscoveryProviders {

    private static boolean registered;

    private DiscoveryProviders() {}

    /** Registers the providers of every XEP-0347 IQ element (§3.6-§3.17); later calls do nothing. */
    public static synchronized void register() {
        if (registered) {
            return;
        }
        String ns = DiscoveryXml.NAMESPACE;
        ProviderManager.addIQProvider(Register.ELEMENT, ns, new RegisterProvider());
        ProviderManager.addIQProvider(Mine.ELEMENT, ns, new MineProvider());
        ProviderManager.addIQProvider(Claimed.ELEMENT, ns, new ClaimedProvider());
        ProviderManager.addIQProvider(Remove.ELEMENT, ns, new RemoveProvider());
        ProviderManager.addIQProvider(Removed.ELEMENT, ns, new RemovedProvider());
        ProviderManager.addIQProvider(Update.ELEMENT, ns, new UpdateProvider());
        ProviderManager.addIQProvider(Search.ELEMENT, ns, new SearchProvider());
        ProviderManager.addIQProvider(Found.ELEMENT, ns, new FoundProvider());
        ProviderManager.addIQProvider(Unregister.ELEMENT, ns, new UnregisterProvider());
        ProviderManager.addIQProvider(Disown.ELEMENT, ns, new DisownProvider());
        ProviderManager.addIQProvider(Disowned.ELEMENT, ns, new DisownedProvider());
        registered = true;
    }
}

package io.github.xmppiot.concentrator.provider;

import io.github.xmppiot.concentrator.element.ConcentratorCommand;
import io.github.xmppiot.concentrator.element.ConcentratorRequest;
import io.github.xmppiot.concentrator.element.NodeEvent;
import io.github.xmppiot.concentrator.element.QueryProgress;
import io.github.xmppiot.core.provider.CoreProviders;
import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.provider.ProviderManager;

/**
 * Registers every XEP-0326 provider with Smack's {@link ProviderManager}: one request provider per element of
 * {@link ConcentratorCommand}, the response provider for every {@code …Response}, the event and query-progress
 * providers (XEP-0326 §3.4, §3.12) and, through {@link CoreProviders#register()}, the XEP-0336 form-field flags
 * used in parameter forms (§3.9).
 *
 * @since 0.1.0
 */
public final class ConcentratorProviders {

    private static boolean registered;

    private ConcentratorProviders() {}

    /** Registers the providers; calling it again does nothing. */
    public static synchronized void register() {
        if (registered) {
            return;
        }
        SmackConfiguration.getVersion();
        for (ConcentratorCommand c : ConcentratorCommand.values()) {
            ProviderManager.addIQProvider(
                    c.element(), ConcentratorRequest.NAMESPACE, new ConcentratorRequestProvider(c));
            ProviderManager.addIQProvider(
                    c.responseElement(), ConcentratorRequest.NAMESPACE, ConcentratorResponseProvider.INSTANCE);
        }
        for (NodeEvent.Kind k : NodeEvent.Kind.values()) {
            ProviderManager.addExtensionProvider(k.element(), NodeEvent.NAMESPACE, new NodeEventProvider(k));
        }
        ProviderManager.addExtensionProvider(
                QueryProgress.ELEMENT, QueryProgress.NAMESPACE, new QueryProgressProvider());
        CoreProviders.register(); // the XEP-0336 flags of parameter forms (§3.9), shared with XEP-0325
        registered = true;
    }
}

package io.github.xmppiot.sensordata.provider;

import io.github.xmppiot.sensordata.element.Accepted;
import io.github.xmppiot.sensordata.element.Cancel;
import io.github.xmppiot.sensordata.element.Cancelled;
import io.github.xmppiot.sensordata.element.Done;
import io.github.xmppiot.sensordata.element.Failure;
import io.github.xmppiot.sensordata.element.Fields;
import io.github.xmppiot.sensordata.element.Rejected;
import io.github.xmppiot.sensordata.element.Req;
import io.github.xmppiot.sensordata.element.Started;
import org.jivesoftware.smack.provider.ProviderManager;

/**
 * Registers the providers of every XEP-0323 element (§3.1) with Smack's {@link ProviderManager}. The managers call it
 * from their static initialisers; call it yourself to parse stanzas without a manager.
 *
 * @since 0.1.0
 */
public final class SensorDataProviders {

    private SensorDataProviders() {}

    /**
     * Registers all providers; idempotent.
     */
    public static void register() {
        ProviderManager.addIQProvider(Req.ELEMENT, Req.NAMESPACE, new ReqProvider());
        ProviderManager.addIQProvider(Accepted.ELEMENT, Accepted.NAMESPACE, new AcceptedProvider());
        ProviderManager.addIQProvider(Cancel.ELEMENT, Cancel.NAMESPACE, new CancelProvider());
        ProviderManager.addIQProvider(Cancelled.ELEMENT, Cancelled.NAMESPACE, new CancelledProvider());
        ProviderManager.addIQProvider(Rejected.ELEMENT, Rejected.NAMESPACE, new RejectedProvider());
        ProviderManager.addExtensionProvider(Started.ELEMENT, Started.NAMESPACE, new StartedProvider());
        ProviderManager.addExtensionProvider(Fields.ELEMENT, Fields.NAMESPACE, new FieldsProvider());
        ProviderManager.addExtensionProvider(Failure.ELEMENT, Failure.NAMESPACE, new FailureProvider());
        ProviderManager.addExtensionProvider(Done.ELEMENT, Done.NAMESPACE, new DoneProvider());
    }
}

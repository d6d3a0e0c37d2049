package io.github.xmppiot.core.provider;

import io.github.xmppiot.core.element.DynamicFormFlag;
import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smackx.xdata.provider.FormFieldChildElementProviderManager;

/**
 * Registers the providers of the elements shared by several XEP modules with Smack: the XEP-0336 data-form field flags
 * ({@link DynamicFormFlag}, XEP-0336 §3.1, §3.3, §3.4). Every module whose forms carry them calls it from its own
 * {@code <Ext>Providers.register()}, so that the same element is never registered twice with two types.
 *
 * @since 0.1.0
 */
public final class CoreProviders {

    private static boolean registered;

    private CoreProviders() {}

    /** Registers the providers; later calls do nothing. */
    public static synchronized void register() {
        if (registered) {
            return;
        }
        SmackConfiguration.getVersion(); // Smack's own start-up runs first and cannot replace what follows
        for (DynamicFormFlag f : DynamicFormFlag.values()) {
            FormFieldChildElementProviderManager.addFormFieldChildElementProvider(DynamicFormFlagProvider.of(f));
        }
        registered = true;
    }
}

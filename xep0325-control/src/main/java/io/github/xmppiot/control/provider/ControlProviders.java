package io.github.xmppiot.control.provider;

import io.github.xmppiot.control.element.ControlFormResponse;
import io.github.xmppiot.control.element.ControlSet;
import io.github.xmppiot.control.element.GetFormRequest;
import io.github.xmppiot.control.element.ParamError;
import io.github.xmppiot.control.element.SetResponse;
import io.github.xmppiot.core.provider.CoreProviders;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.provider.DescriptionProvider;
import org.jivesoftware.smackx.xdata.provider.FormFieldChildElementProviderManager;
import org.jivesoftware.smackx.xdatavalidation.packet.ValidateElement;
import org.jivesoftware.smackx.xdatavalidation.provider.DataValidationProvider;

/**
 * Registers every XEP-0325 provider with Smack: {@code set} as IQ and message payload, {@code setResponse},
 * {@code getForm}, the bare data-form answer to {@code getForm} (IQ children only), {@code paramError}, and the form
 * field children {@code parameterGroup}, XEP-0336 {@code notSame} (through {@link CoreProviders#register()}, which
 * XEP-0326 shares), XEP-0122 {@code validate} and {@code desc} (the
 * last two are normally registered by Smack's startup classes; registering them here makes parsing independent of
 * Smack's initialisation order).
 *
 * @since 0.1.0
 */
public final class ControlProviders {

    private static boolean registered;

    private ControlProviders() {}

    /** Registers the providers; later calls do nothing. */
    public static synchronized void register() {
        if (registered) {
            return;
        }
        ProviderManager.addIQProvider(ControlSet.ELEMENT, ControlSet.NAMESPACE, SetRequestProvider.INSTANCE);
        ProviderManager.addExtensionProvider(ControlSet.ELEMENT, ControlSet.NAMESPACE, ControlSetProvider.INSTANCE);
        ProviderManager.addIQProvider(SetResponse.ELEMENT, SetResponse.NAMESPACE, SetResponseProvider.INSTANCE);
        ProviderManager.addIQProvider(
                GetFormRequest.ELEMENT, GetFormRequest.NAMESPACE, GetFormRequestProvider.INSTANCE);
        ProviderManager.addIQProvider(
                ControlFormResponse.ELEMENT, ControlFormResponse.NAMESPACE, ControlFormResponseProvider.INSTANCE);
        ProviderManager.addExtensionProvider(ParamError.ELEMENT, ParamError.NAMESPACE, ParamErrorProvider.INSTANCE);
        FormFieldChildElementProviderManager.addFormFieldChildElementProvider(ParameterGroupProvider.INSTANCE);
        CoreProviders.register(); // XEP-0336 notSame: shared with XEP-0326, one element type for both
        if (FormFieldChildElementProviderManager.getFormFieldChildElementProvider(ValidateElement.QNAME) == null) {
            FormFieldChildElementProviderManager.addFormFieldChildElementProvider(new DataValidationProvider());
        }
        if (FormFieldChildElementProviderManager.getFormFieldChildElementProvider(FormField.Description.QNAME)
                == null) {
            FormFieldChildElementProviderManager.addFormFieldChildElementProvider(new DescriptionProvider());
        }
        registered = true;
    }
}

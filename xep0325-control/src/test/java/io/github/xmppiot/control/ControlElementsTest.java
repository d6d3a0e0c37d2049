package io.github.xmppiot.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.control.element.ControlFormResponse;
import io.github.xmppiot.control.element.ControlSet;
import io.github.xmppiot.control.element.GetFormRequest;
import io.github.xmppiot.control.element.ParamError;
import io.github.xmppiot.control.element.SetResponse;
import io.github.xmppiot.control.element.TypedParameter;
import io.github.xmppiot.control.provider.ControlFormResponseProvider;
import io.github.xmppiot.control.provider.ControlProviders;
import io.github.xmppiot.control.provider.ControlSetProvider;
import io.github.xmppiot.control.provider.GetFormRequestProvider;
import io.github.xmppiot.control.provider.ParamErrorProvider;
import io.github.xmppiot.control.provider.SetRequestProvider;
import io.github.xmppiot.control.provider.SetResponseProvider;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.StringValue;
import io.github.xmppiot.core.value.ValueType;
import org.jivesoftware.smack.provider.ProviderManager;
import org.junit.jupiter.api.Test;

/** Value semantics of the XEP-0325 elements and the provider registration (§3.1, §3.2). */
class ControlElementsTest {

    private static final String NS = "urn:xmpp:iot:control";

    @Test
    void registeringInstallsEveryProviderAndIsIdempotent() {
        ControlProviders.register();
        ControlProviders.register();
        assertThat(ProviderManager.getIQProvider(ControlSet.ELEMENT, NS)).isSameAs(SetRequestProvider.INSTANCE);
        assertThat(ProviderManager.getExtensionProvider(ControlSet.ELEMENT, NS)).isSameAs(ControlSetProvider.INSTANCE);
        assertThat(ProviderManager.getIQProvider(SetResponse.ELEMENT, NS)).isSameAs(SetResponseProvider.INSTANCE);
        assertThat(ProviderManager.getIQProvider(GetFormRequest.ELEMENT, NS)).isSameAs(GetFormRequestProvider.INSTANCE);
        assertThat(ProviderManager.getIQProvider(ControlFormResponse.ELEMENT, ControlFormResponse.NAMESPACE))
                .isSameAs(ControlFormResponseProvider.INSTANCE);
        assertThat(ProviderManager.getExtensionProvider(ParamError.ELEMENT, NS)).isSameAs(ParamErrorProvider.INSTANCE);
    }

    @Test
    void typedParametersAreEqualByTypeNameAndValue() {
        TypedParameter p = TypedParameter.of("Output", BooleanValue.TRUE);
        assertThat(p)
                .isEqualTo(TypedParameter.raw(ValueType.BOOLEAN, "Output", "true"))
                .hasSameHashCodeAs(TypedParameter.raw(ValueType.BOOLEAN, "Output", "true"));
        assertThat(p)
                .isNotEqualTo(TypedParameter.raw(ValueType.STRING, "Output", "true"))
                .isNotEqualTo(TypedParameter.raw(ValueType.BOOLEAN, "Input", "true"))
                .isNotEqualTo(TypedParameter.raw(ValueType.BOOLEAN, "Output", "false"))
                .isNotEqualTo("boolean Output=true");
        assertThat(p.toString()).isEqualTo("boolean Output=true");
    }

    @Test
    void aSetIsEmptyOnlyWithoutNodesParametersAndForm() {
        assertThat(ControlSet.builder().build().isEmpty()).isTrue();
        assertThat(ControlSet.builder().build().toXML().toString()).endsWith("/>");
        ControlSet withNode = ControlSet.builder().node(NodeRef.of("N1")).build();
        assertThat(withNode.isEmpty()).isFalse();
        assertThat(withNode.toXML().toString()).contains("<node nodeId='N1'").endsWith("</set>");
        ControlSet withParameter =
                ControlSet.builder().parameter("Level", new IntValue(3)).build();
        assertThat(withParameter.isEmpty()).isFalse();
        assertThat(withParameter.toXML().toString()).contains("<int name='Level' value='3'/>");
        assertThat(ControlSet.builder()
                        .parameter("Name", StringValue.of("a'b"))
                        .build()
                        .toXML()
                        .toString())
                .contains("value='a&apos;b'");
    }
}

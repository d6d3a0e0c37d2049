package io.github.xmppiot.core.iq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.StanzaError.Condition;
import org.jivesoftware.smack.packet.StanzaError.Type;
import org.junit.jupiter.api.Test;

/** An XMPP error as an exception, and back (RFC 6120 §8.3, as the XEPs' error answers use it). */
class IotErrorExceptionTest {

    @Test
    void withoutTextTheMessageIsTheCondition() {
        IotErrorException e = new IotErrorException(Condition.forbidden, Type.CANCEL, null, List.of());
        assertThat(e).hasMessage("forbidden");
        StanzaError error = e.toStanzaError().build();
        assertThat(error.getCondition()).isEqualTo(Condition.forbidden);
        assertThat(error.getType()).isEqualTo(Type.CANCEL);
        assertThat(error.getDescriptiveText()).isNull();
    }

    @Test
    void aTextBecomesTheDescriptiveText() {
        StanzaError error =
                IotErrors.badRequest("no such field").toStanzaError().build();
        assertThat(error.getCondition()).isEqualTo(Condition.bad_request);
        assertThat(error.getType()).isEqualTo(Type.MODIFY);
        assertThat(error.getDescriptiveText()).isEqualTo("no such field");
    }

    @Test
    void extensionsTravelWithTheError() {
        StandardExtensionElement detail = StandardExtensionElement.builder("paramError", "urn:xmpp:iot:control")
                .build();
        IotErrorException e = IotErrors.badRequest("bad parameter", List.of(detail));
        assertThat(e.extensions()).containsExactly(detail);
        StanzaError error = e.toStanzaError().build();
        assertThat((Object) error.getExtension("paramError", "urn:xmpp:iot:control"))
                .isEqualTo(detail);
        assertThatThrownBy(() -> e.extensions().add(detail)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void fromAStanzaErrorKeepsConditionTypeAndText() {
        StanzaError error = StanzaError.getBuilder(Condition.item_not_found)
                .setType(Type.CANCEL)
                .setDescriptiveEnText("node n1 unknown")
                .build();
        IotErrorException e = IotErrorException.from(error);
        assertThat(e.condition()).isEqualTo(Condition.item_not_found);
        assertThat(e.type()).isEqualTo(Type.CANCEL);
        assertThat(e).hasMessage("node n1 unknown");
        assertThat(e.extensions()).isEmpty();
        assertThat(IotErrorException.from(
                        StanzaError.getBuilder(Condition.conflict).build()))
                .hasMessage("conflict");
    }

    @Test
    void conditionAndTypeAreRequired() {
        assertThatThrownBy(() -> new IotErrorException(Condition.forbidden, null, "x", List.of()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("type");
    }
}

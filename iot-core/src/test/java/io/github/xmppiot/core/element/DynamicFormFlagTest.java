package io.github.xmppiot.core.element;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.provider.CoreProviders;
import io.github.xmppiot.core.provider.DynamicFormFlagProvider;
import io.github.xmppiot.core.xml.XmlCompare;
import java.util.List;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.FormFieldChildElement;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jivesoftware.smackx.xdata.provider.DataFormProvider;
import org.jivesoftware.smackx.xdata.provider.FormFieldChildElementProviderManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** XEP-0336 flags: the spec's form on the wire, and every variant of it read as the one shared type. */
class DynamicFormFlagTest {

    @BeforeAll
    static void register() {
        CoreProviders.register();
    }

    static DataForm parse(String xml) throws Exception {
        return DataFormProvider.INSTANCE.parse(PacketParserUtils.getParserFor(xml));
    }

    static List<FormFieldChildElement> flags(FormField f) {
        return f.getFormFieldChildElements().stream()
                .filter(e -> DynamicFormFlag.NAMESPACE.equals(e.getNamespace()))
                .toList();
    }

    @Test
    void aFlagIsWrittenInTheSpecsForm() {
        FormField field = FormField.textSingleBuilder("address")
                .setValue("a")
                .addFormFieldChildElement(DynamicFormFlag.NOT_SAME)
                .build();
        DataForm form = DataForm.builder(DataForm.Type.form).addField(field).build();
        assertThat(XmlCompare.difference(
                        "<x xmlns='jabber:x:data' type='form'><field var='address'>"
                                + "<value>a</value><notSame xmlns='urn:xmpp:xdata:dynamic'/></field></x>",
                        form.toXML().toString()))
                .isEmpty();
        assertThat(DynamicFormFlag.READ_ONLY.toXML().toString())
                .isEqualTo("<readOnly xmlns='urn:xmpp:xdata:dynamic'/>");
        assertThat(DynamicFormFlag.POST_BACK.toXML().toString())
                .isEqualTo("<postBack xmlns='urn:xmpp:xdata:dynamic'/>");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<notSame xmlns='urn:xmpp:xdata:dynamic'/>",
                "<notSame xmlns='urn:xmpp:xdata:dynamic'></notSame>",
                "<xdd:notSame/>", // the prefix declared on the form, as XEP-0326 §3.9 writes it
                "<d:notSame xmlns:d='urn:xmpp:xdata:dynamic'/>",
                "<notSame xmlns='urn:xmpp:xdata:dynamic' xml:lang='en' extra='1'/>",
                "<notSame xmlns='urn:xmpp:xdata:dynamic'>text<child xmlns='urn:x'><value>x</value></child></notSame>"
            })
    void everyVariantIsReadAsTheSharedFlagAndTheRestOfTheFieldStillCounts(String flag) throws Exception {
        DataForm form = parse("<x xmlns='jabber:x:data' xmlns:xdd='urn:xmpp:xdata:dynamic' type='form'>"
                + "<field var='address' type='text-single'>" + flag + "<value>7</value></field>"
                + "<field var='room' type='text-single'><value>r</value></field></x>");
        FormField address = form.getField("address");
        assertThat(flags(address)).containsExactly(DynamicFormFlag.NOT_SAME);
        assertThat(DynamicFormFlag.NOT_SAME.isOn(address)).isTrue();
        assertThat(address.getFirstValue()).as("the value after the flag").isEqualTo("7");
        assertThat(DynamicFormFlag.NOT_SAME.isOn(form.getField("room"))).isFalse();
        assertThat(form.getField("room").getFirstValue()).isEqualTo("r");
    }

    @Test
    void everyFlagHasItsOwnProviderAndType() throws Exception {
        DataForm form = parse("<x xmlns='jabber:x:data' type='form'><field var='a' type='text-single'>"
                + "<readOnly xmlns='urn:xmpp:xdata:dynamic'/><postBack xmlns='urn:xmpp:xdata:dynamic'/>"
                + "<notSame xmlns='urn:xmpp:xdata:dynamic'/><unknown xmlns='urn:xmpp:xdata:dynamic'/>"
                + "</field></x>");
        assertThat(flags(form.getField("a")))
                .as("an element XEP-0336 does not define is skipped")
                .containsExactly(DynamicFormFlag.READ_ONLY, DynamicFormFlag.POST_BACK, DynamicFormFlag.NOT_SAME);
        for (DynamicFormFlag f : DynamicFormFlag.values()) {
            assertThat(FormFieldChildElementProviderManager.getFormFieldChildElementProvider(f.qname()))
                    .isSameAs(DynamicFormFlagProvider.of(f));
            assertThat(DynamicFormFlagProvider.of(f).getQName()).isEqualTo(f.getQName());
            assertThat(DynamicFormFlag.forElement(f.getElementName())).contains(f);
        }
        assertThat(DynamicFormFlag.forElement("unknown")).isEmpty();
    }

    @Test
    void aFlagInAnotherNamespaceIsNotTheFlag() throws Exception {
        DataForm form = parse("<x xmlns='jabber:x:data' type='form'><field var='a' type='text-single'>"
                + "<notSame xmlns='urn:example:other'/><value>1</value></field></x>");
        assertThat(DynamicFormFlag.NOT_SAME.isOn(form.getField("a"))).isFalse();
        assertThat(form.getField("a").getFirstValue()).isEqualTo("1");
    }

    @Test
    void registeringAgainKeepsTheSameProviders() {
        CoreProviders.register();
        assertThat(FormFieldChildElementProviderManager.getFormFieldChildElementProvider(
                        DynamicFormFlag.NOT_SAME.qname()))
                .isSameAs(DynamicFormFlagProvider.of(DynamicFormFlag.NOT_SAME));
        assertThat(DynamicFormFlag.NOT_SAME.mustBeOnlyOfHisKind()).isTrue();
    }
}

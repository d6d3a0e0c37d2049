package io.github.xmppiot.core.element;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.provider.CoreProviders;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jivesoftware.smack.util.StringUtils;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.TextSingleFormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;

/** Any set of XEP-0336 flags on any field survives writing and reading, with or without junk inside the flags. */
class DynamicFormFlagProperties {

    @BeforeContainer
    static void register() {
        CoreProviders.register();
    }

    @Provide
    Arbitrary<Set<DynamicFormFlag>> flagSets() {
        return Arbitraries.of(DynamicFormFlag.class).set();
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20);
    }

    @Property
    void writtenFlagsAreReadBack(
            @ForAll("flagSets") Set<DynamicFormFlag> flags, @ForAll("words") String name, @ForAll("words") String value)
            throws Exception {
        TextSingleFormField.Builder b = FormField.textSingleBuilder("f" + name).setValue(value);
        flags.forEach(b::addFormFieldChildElement);
        DataForm form = DataForm.builder(DataForm.Type.form).addField(b.build()).build();

        FormField read = DynamicFormFlagTest.parse(form.toXML().toString()).getField("f" + name);

        assertThat(read.getFirstValue()).isEqualTo(value);
        assertThat(DynamicFormFlagTest.flags(read)).containsExactlyInAnyOrderElementsOf(flags);
        for (DynamicFormFlag f : DynamicFormFlag.values()) {
            assertThat(f.isOn(read)).isEqualTo(flags.contains(f));
        }
    }

    @Property
    void attributesAndChildrenOfAFlagAreIgnored(
            @ForAll("flagSets") Set<DynamicFormFlag> flags,
            @ForAll("texts") String junk,
            @ForAll boolean asChild,
            @ForAll("words") String value)
            throws Exception {
        StringBuilder field = new StringBuilder("<field var='a' type='text-single'>");
        String escaped = StringUtils.escapeForXml(junk).toString();
        for (DynamicFormFlag f : flags) {
            field.append('<')
                    .append(f.getElementName())
                    .append(" xmlns='urn:xmpp:xdata:dynamic' junk='")
                    .append(escaped)
                    .append("'>");
            field.append(asChild ? "<j xmlns='urn:x'><value>" + escaped + "</value></j>" : escaped);
            field.append("</").append(f.getElementName()).append('>');
        }
        field.append("<value>").append(StringUtils.escapeForXml(value)).append("</value></field>");

        FormField read = DynamicFormFlagTest.parse("<x xmlns='jabber:x:data' type='form'>" + field + "</x>")
                .getField("a");

        assertThat(read.getValues()).extracting(Object::toString).isEqualTo(List.of(value));
        assertThat(DynamicFormFlagTest.flags(read)).containsExactlyInAnyOrderElementsOf(flags);
    }
}

package io.github.xmppiot.sensordata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.core.field.Localization;
import io.github.xmppiot.core.field.QualityFlag;
import io.github.xmppiot.core.value.EnumValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.NumericValue;
import io.github.xmppiot.core.value.StringValue;
import io.github.xmppiot.core.value.Value;
import java.util.EnumSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * {@link FieldXml#estimateLength} is what the message splitter bounds message sizes with: for texts that need no
 * escaping it is an upper bound of the length {@link FieldXml#write} gives, and not more than 20 characters plus a
 * quarter of it above.
 */
class FieldXmlProperties {

    @Property(tries = 400)
    void theEstimateIsAnUpperBoundCloseToTheWrittenLength(@ForAll("fields") Field field) {
        XmlStringBuilder xml = new XmlStringBuilder();
        FieldXml.write(xml, field);
        int actual = xml.length();
        assertThat(FieldXml.estimateLength(field)).isBetween(actual, actual + 20 + actual / 4);
    }

    @Provide
    Arbitrary<Field> fields() {
        Arbitrary<String> text =
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(80);
        Arbitrary<String> opt =
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(80).injectNull(0.4);
        Arbitrary<Value> value = Arbitraries.oneOf(
                Arbitraries.integers().map(i -> (Value) new IntValue(i)),
                Combinators.combine(Arbitraries.integers().between(0, 999_999), text)
                        .as((n, u) -> (Value) new NumericValue(Integer.toString(n), u)),
                Combinators.combine(text, text).as((v, d) -> (Value) new EnumValue(v, d)),
                text.map(s -> (Value) new StringValue(s)));
        Arbitrary<Set<FieldCategory>> cats = Arbitraries.of(FieldCategory.class)
                .set()
                .ofMaxSize(14)
                .map(s -> s.isEmpty() ? EnumSet.noneOf(FieldCategory.class) : EnumSet.copyOf(s));
        Arbitrary<Set<QualityFlag>> flags = Arbitraries.of(QualityFlag.class)
                .set()
                .ofMaxSize(14)
                .map(s -> s.isEmpty() ? EnumSet.noneOf(QualityFlag.class) : EnumSet.copyOf(s));
        Arbitrary<Localization> loc = Combinators.combine(opt, opt).as(Localization::new);
        return Combinators.combine(
                        text,
                        value,
                        cats,
                        flags,
                        loc,
                        Arbitraries.of(true, false).injectNull(0.5))
                .as(Field::new);
    }
}

package io.github.xmppiot.core.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.StringValue;
import io.github.xmppiot.core.value.ValueType;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A XEP-0323 §3.4 field: its defaults, the category test of a request, and what the record refuses. */
class FieldTest {

    @Test
    void aBuiltFieldIsMomentaryAndAutomaticUnlessToldOtherwise() {
        Field f = Field.momentary("Temperature", new IntValue(21));
        assertThat(f.type()).isEqualTo(ValueType.INT);
        assertThat(f.categories()).containsExactly(FieldCategory.MOMENTARY);
        assertThat(f.quality()).containsExactly(QualityFlag.AUTOMATIC_READOUT);
        assertThat(f.localization()).isEqualTo(Localization.NONE);
        assertThat(f.writable()).isNull();

        Field g = Field.builder("Serial", new StringValue("X1"))
                .categories(FieldCategory.IDENTITY)
                .quality(QualityFlag.MANUAL_READOUT)
                .localization("dev", "1")
                .writable(false)
                .build();
        assertThat(g.categories()).containsExactly(FieldCategory.IDENTITY);
        assertThat(g.quality()).containsExactly(QualityFlag.MANUAL_READOUT);
        assertThat(g.localization()).isEqualTo(new Localization("dev", "1"));
        assertThat(g.writable()).isFalse();
        assertThat(g.type()).isEqualTo(ValueType.STRING);
    }

    @Test
    void theRecordCopiesItsSetsAndFillsNulls() {
        Set<FieldCategory> categories = new HashSet<>(Set.of(FieldCategory.PEAK));
        Field f = new Field("Max", new IntValue(3), categories, null, null, true);
        categories.add(FieldCategory.STATUS);
        assertThat(f.categories()).containsExactly(FieldCategory.PEAK);
        assertThat(f.quality()).isEmpty();
        assertThat(f.localization()).isEqualTo(Localization.NONE);
        Field kept = new Field("Max", new IntValue(3), Set.of(), Set.of(), new Localization("m", null), true);
        assertThat(kept.localization()).isEqualTo(new Localization("m", null));
        assertThat(kept.categories()).isEmpty();
        assertThatThrownBy(() -> f.categories().add(FieldCategory.STATUS))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> kept.quality().add(QualityFlag.ERROR))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aFieldIsInARequestWhenItSharesAnyCategory() {
        Field f = Field.builder("E", new IntValue(1))
                .categories(FieldCategory.STATUS, FieldCategory.COMPUTED)
                .build();
        assertThat(f.inAnyOf(EnumSet.of(FieldCategory.COMPUTED))).isTrue();
        assertThat(f.inAnyOf(EnumSet.of(FieldCategory.MOMENTARY, FieldCategory.STATUS)))
                .isTrue();
        assertThat(f.inAnyOf(EnumSet.of(FieldCategory.MOMENTARY))).isFalse();
        assertThat(f.inAnyOf(Set.of())).isFalse();
    }

    @Test
    void namesAndValuesAreChecked() {
        assertThatThrownBy(() -> Field.momentary("", new IntValue(1))).hasMessage("field name must not be empty");
        assertThatThrownBy(() -> Field.momentary("a\u0001", new IntValue(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Field.momentary("a", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Field.momentary("a", io.github.xmppiot.core.value.DoubleValue.parse("1.5")))
                .hasMessageContaining("is not a XEP-0323 field type");
    }
}

package io.github.xmppiot.concentrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.value.DoubleValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.LongValue;
import io.github.xmppiot.core.value.StringValue;
import io.github.xmppiot.core.value.ValueType;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Checking a submitted parameter value against its declaration (XEP-0326 §3.7 editing parameters). */
class NodeParameterSpecTest {

    @Test
    void aMissingLabelFallsBackToTheIdAndTheOptionsAreCopied() {
        List<String> options = new ArrayList<>(List.of("a", "b"));
        NodeParameterSpec spec =
                new NodeParameterSpec("mode", null, ValueType.STRING, false, null, null, null, options, false, null);
        options.add("c");
        assertThat(spec.label()).isEqualTo("mode");
        assertThat(spec.options()).containsExactly("a", "b");
        assertThat(NodeParameterSpec.required("id", "Label", ValueType.INT).label())
                .isEqualTo("Label");
    }

    @Test
    void valuesOfAnotherTypeAreRefusedNamingTheParameter() {
        NodeParameterSpec spec = NodeParameterSpec.required("level", "Level", ValueType.INT);
        assertThatThrownBy(() -> spec.withDefault(new StringValue("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("level")
                .hasMessageContaining("int");
        assertThatThrownBy(() -> spec.withRange(new IntValue(0), new LongValue(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> spec.withRange(new DoubleValue(0), null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(spec.withRange(null, new IntValue(4)).max()).isEqualTo(new IntValue(4));
    }

    @Test
    void theWithersChangeOnlyTheirOwnComponent() {
        NodeParameterSpec base = NodeParameterSpec.required("n", "N", ValueType.INT);
        NodeParameterSpec all = base.withDefault(new IntValue(3))
                .withRange(new IntValue(1), new IntValue(9))
                .withOptions(List.of("3", "5"))
                .asReadOnly()
                .withDescription("how many");
        assertThat(all)
                .isEqualTo(new NodeParameterSpec(
                        "n",
                        "N",
                        ValueType.INT,
                        true,
                        new IntValue(3),
                        new IntValue(1),
                        new IntValue(9),
                        List.of("3", "5"),
                        true,
                        "how many"));
        assertThat(base.readOnly()).isFalse();
        assertThat(base.description()).isNull();
        assertThat(base.defaultValue()).isNull();
        assertThat(base.options()).isEmpty();
    }

    @Test
    void anEmptyValueIsAnErrorOnlyWhenRequired() {
        NodeParameterSpec required = NodeParameterSpec.required("n", "N", ValueType.INT);
        assertThat(required.check(null).errorMessage()).contains("A value is required.");
        assertThat(required.check("  ").errorMessage()).contains("A value is required.");
        NodeParameterSpec optional =
                new NodeParameterSpec("n", "N", ValueType.INT, false, null, null, null, List.of(), false, null);
        NodeParameterSpec.Result empty = optional.check("");
        assertThat(empty.errorMessage()).isEmpty();
        assertThat(empty.value()).isNull();
    }

    @Test
    void anUnparsableValueNamesTheType() {
        NodeParameterSpec spec = NodeParameterSpec.required("n", "N", ValueType.INT);
        assertThat(spec.check("twelve").error()).isEqualTo("Not a valid int value.");
        assertThat(spec.check(" 12 ").value()).isEqualTo(new IntValue(12));
    }

    @Property
    void intBoundsAreInclusive(@ForAll @IntRange(min = -50, max = 50) int v) {
        NodeParameterSpec spec =
                NodeParameterSpec.required("n", "N", ValueType.INT).withRange(new IntValue(-10), new IntValue(10));
        NodeParameterSpec.Result r = spec.check(Integer.toString(v));
        if (v < -10) {
            assertThat(r.error()).isEqualTo("Must be at least -10.");
        } else if (v > 10) {
            assertThat(r.error()).isEqualTo("Must be at most 10.");
        } else {
            assertThat(r.error()).isNull();
            assertThat(r.value()).isEqualTo(new IntValue(v));
        }
    }

    @Test
    void longAndDoubleBoundsCompareByValue() {
        NodeParameterSpec longs =
                NodeParameterSpec.required("n", "N", ValueType.LONG).withRange(new LongValue(5), new LongValue(7));
        assertThat(longs.check("4").error()).isEqualTo("Must be at least 5.");
        assertThat(longs.check("5").error()).isNull();
        assertThat(longs.check("7").error()).isNull();
        assertThat(longs.check("8").error()).isEqualTo("Must be at most 7.");
        NodeParameterSpec doubles = NodeParameterSpec.required("x", "X", ValueType.DOUBLE)
                .withRange(new DoubleValue(0.5), new DoubleValue(1.5));
        assertThat(doubles.check("0.4").error()).startsWith("Must be at least");
        assertThat(doubles.check("0.5").error()).isNull();
        assertThat(doubles.check("1.5").error()).isNull();
        assertThat(doubles.check("1.6").error()).startsWith("Must be at most");
    }

    @Test
    void typesWithoutAnOrderIgnoreTheBounds() {
        NodeParameterSpec strings = NodeParameterSpec.required("s", "S", ValueType.STRING)
                .withRange(new StringValue("m"), new StringValue("n"));
        assertThat(strings.check("a").error()).isNull();
        assertThat(strings.check("z").error()).isNull();
    }

    @Test
    void optionsListTheAllowedValues() {
        NodeParameterSpec spec =
                NodeParameterSpec.required("s", "S", ValueType.STRING).withOptions(List.of("on", "off"));
        assertThat(spec.check("on").value()).isEqualTo(new StringValue("on"));
        assertThat(spec.check("dim").error()).isEqualTo("Must be one of on, off.");
    }
}

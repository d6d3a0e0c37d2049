package io.github.xmppiot.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.control.ParameterDescription;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.discovery.Comparison;
import io.github.xmppiot.discovery.NumericComparison;
import io.github.xmppiot.discovery.StringComparison;
import io.github.xmppiot.discovery.StringMask;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.junit.jupiter.api.Test;

/** The console's checks of what a page sends: control values, search conditions, form values and their bounds. */
class ConsoleInputsTest {

    private static final ParameterDescription BRIGHTNESS = new ParameterDescription(
            "Brightness",
            ValueType.INT,
            "Brightness (%)",
            null,
            new IntValue(0),
            new IntValue(100),
            List.of(),
            null,
            null,
            null,
            false);
    private static final ParameterDescription MODE = new ParameterDescription(
            "Mode", ValueType.STRING, "Mode", null, null, null, List.of("eco", "comfort"), null, null, null, false);

    @Test
    void controlValuesAreCheckedAgainstTypeRangeAndOptionsNamingTheField() {
        assertThat(DeviceAdapter.validate(BRIGHTNESS, "40").lexical()).isEqualTo("40");
        assertThatThrownBy(() -> DeviceAdapter.validate(BRIGHTNESS, "101"))
                .isInstanceOf(ConsoleException.class)
                .hasMessageContaining("between 0 and 100")
                .asInstanceOf(InstanceOfAssertFactories.type(ConsoleException.class))
                .satisfies(e -> assertThat(e.field()).isEqualTo("Brightness"))
                .satisfies(e -> assertThat(e.status()).isEqualTo(422));
        assertThatThrownBy(() -> DeviceAdapter.validate(BRIGHTNESS, "-1")).hasMessageContaining("between");
        assertThatThrownBy(() -> DeviceAdapter.validate(BRIGHTNESS, "4.5")).hasMessageContaining("not a valid int");
        assertThatThrownBy(() -> DeviceAdapter.validate(BRIGHTNESS, null)).hasMessageContaining("give a value");
        assertThat(DeviceAdapter.validate(MODE, "eco").lexical()).isEqualTo("eco");
        assertThatThrownBy(() -> DeviceAdapter.validate(MODE, "turbo")).hasMessageContaining("eco, comfort");
    }

    @Test
    void searchConditionsBecomeTheRegistrysOperators() {
        assertThat(RegistryAdapter.operator("MODEL=DemoBoard"))
                .isEqualTo(new StringComparison(Comparison.EQ, "MODEL", "DemoBoard"));
        assertThat(RegistryAdapter.operator("V >= 1.0")).isEqualTo(new NumericComparison(Comparison.GTEQ, "V", "1.0"));
        assertThat(RegistryAdapter.operator("MAN~xmpp*")).isEqualTo(new StringMask("MAN", "xmpp*", "*"));
        assertThat(RegistryAdapter.operator("V!=2")).isEqualTo(new NumericComparison(Comparison.NEQ, "V", "2"));
        assertThatThrownBy(() -> RegistryAdapter.operator("MODEL"))
                .isInstanceOf(ConsoleException.class)
                .hasMessageContaining("NAME=VALUE");
        assertThatThrownBy(() -> RegistryAdapter.operator("MODEL=")).hasMessageContaining("malformed");
    }

    @Test
    void formsAreFilledWithThePagesValuesKeepingHiddenFieldsAndRefusingUnknownOnes() {
        DataForm form = DataForm.builder(DataForm.Type.form)
                .addField(FormField.hiddenBuilder("session").setValue("s1").build())
                .addField(FormField.textSingleBuilder("id").setRequired().build())
                .addField(FormField.textSingleBuilder("pin").setValue("18").build())
                .addField(FormField.fixedBuilder().setValue("A note").build())
                .build();
        DataForm filled = Forms.fill(form, Map.of("id", "Porch"));
        assertThat(filled.getField("session").getFirstValue()).isEqualTo("s1");
        assertThat(filled.getField("id").getFirstValue()).isEqualTo("Porch");
        assertThat(filled.getField("pin").getFirstValue())
                .as("the proposed value")
                .isEqualTo("18");
        assertThat(Forms.fields(form))
                .extracting(f -> f.get("name"))
                .containsExactly("id", "pin", "")
                .as("hidden fields are not rendered, fixed ones are text");
        assertThatThrownBy(() -> Forms.fill(form, Map.of("id", "P", "colour", "red")))
                .hasMessageContaining("no parameter 'colour'");
        assertThatThrownBy(() -> Forms.fill(form, Map.of("pin", "22")))
                .isInstanceOf(ConsoleException.class)
                .hasMessage("required");
    }

    @Test
    void requestInputsAreBounded() {
        String many = IntStream.range(0, 100).mapToObj(i -> "p" + i + "=" + i).collect(Collectors.joining("&"));
        assertThat(Router.query(many)).hasSize(Router.MAX_PARAMETERS).containsEntry("p0", "0");
        assertThat(Router.query("a=%zz&b=2")).containsOnlyKeys("b");
        assertThat(Router.query("jid=thing%40example.org")).containsEntry("jid", "thing@example.org");
        assertThatThrownBy(() -> Json.stringList(Collections.nCopies(Json.MAX_ENTRIES + 1, "x")))
                .isInstanceOf(ConsoleException.class)
                .hasMessageContaining("at most " + Json.MAX_ENTRIES);
        assertThatThrownBy(() -> Json.strings("not an object")).isInstanceOf(ConsoleException.class);
        assertThat(Json.strings(Map.of("pin", 22, "on", true)))
                .containsEntry("pin", "22")
                .containsEntry("on", "true");
        assertThat(Failures.describe(new RuntimeException("x".repeat(1000)))).hasSize(Failures.MAX_LENGTH + 3);
    }
}

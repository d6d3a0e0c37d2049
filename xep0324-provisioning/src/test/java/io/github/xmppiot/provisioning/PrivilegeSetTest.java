package io.github.xmppiot.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.provisioning.element.PrivilegeRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** XEP-0324 §3.7.2: sequential include/exclude evaluation with subtree ids. */
class PrivilegeSetTest {

    @Test
    void example24ExcludesDeleteAndIncludesTheRestOfSensors() {
        PrivilegeSet set = new PrivilegeSet(
                List.of(new PrivilegeRule(false, "Sensors.Delete"), new PrivilegeRule(true, "Sensors")));
        assertThat(set.isGranted("Sensors.View")).isTrue();
        assertThat(set.isGranted("Sensors.Delete")).isFalse();
        assertThat(set.isGranted("Sensors.Delete.All")).isFalse();
        assertThat(set.isGranted("Sensors")).isTrue();
        assertThat(set.isGranted("SensorsX.View")).isFalse();
        assertThat(set.isGranted("Actuators.Set")).isFalse();
    }

    @Test
    void orderMattersTheFirstCoveringEntryDecides() {
        PrivilegeSet set = new PrivilegeSet(
                List.of(new PrivilegeRule(true, "Sensors"), new PrivilegeRule(false, "Sensors.Delete")));
        assertThat(set.isGranted("Sensors.Delete")).isTrue();
        assertThat(PrivilegeSet.NONE.isGranted("Sensors")).isFalse();
    }
}

package io.github.xmppiot.concentrator.hub;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.hal.bind.DriverBindings;
import io.github.xmppiot.hal.driver.DriverInfo;
import io.github.xmppiot.hal.driver.SwitchedOutput;
import java.util.Map;
import java.util.Objects;

/**
 * A switched output as a hub node (XEP-0326 §3.11): a relay (node type {@code relay}, the boolean control parameter
 * {@code Output}) or an LED (node type {@code led}, parameter {@code Led}), XEP-0325, readable as a field (XEP-0323).
 *
 * @since 0.1.0
 */
public final class SwitchedOutputNode implements DriverNode {

    private final SwitchedOutput.Preset preset;

    /**
     * Creates the node factory.
     *
     * @param preset the kind of output
     */
    public SwitchedOutputNode(SwitchedOutput.Preset preset) {
        this.preset = Objects.requireNonNull(preset, "preset");
    }

    @Override
    public DriverInfo info() {
        return preset.info();
    }

    @Override
    public Device open(HubHardware hardware, NodeRef node, Map<String, String> configuration) throws Exception {
        SwitchedOutput output = SwitchedOutput.open(hardware.hal(), SwitchedOutput.Config.from(preset, configuration));
        String parameter = preset == SwitchedOutput.Preset.RELAY ? "Output" : "Led";
        return Device.of(
                Thing.builder(node)
                        .parameter(DriverBindings.switchedOutput(output, parameter))
                        .build(),
                output);
    }
}

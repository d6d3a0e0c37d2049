package io.github.xmppiot.concentrator.hub;

import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.hal.bind.DriverBindings;
import io.github.xmppiot.hal.driver.SwitchedOutput;
import java.util.Map;
import java.util.Objects;

/**
 * A switched output as a hub node (XEP-0326 §3.11): a relay (node type {@code relay}, the boolean control parameter
 * {@code Output}) or an LED (node type {@code led}, parameter {@code Led}), XEP-0325, readable as a field (XEP-0323).
 *
 * @since 0.1.0
 */
public final class SwitchedOutputNode extends SingleDriverNode<SwitchedOutput> {

    private final SwitchedOutput.Preset preset;

    /**
     * Creates the node factory.
     *
     * @param preset the kind of output
     */
    public SwitchedOutputNode(SwitchedOutput.Preset preset) {
        super(Objects.requireNonNull(preset, "preset").info());
        this.preset = preset;
    }

    @Override
    SwitchedOutput openDriver(HubHardware hardware, Map<String, String> configuration) throws Exception {
        return SwitchedOutput.open(hardware.hal(), SwitchedOutput.Config.from(preset, configuration));
    }

    @Override
    Thing.Builder bind(Thing.Builder thing, SwitchedOutput output, HubHardware hardware) {
        return thing.parameter(
                DriverBindings.switchedOutput(output, preset == SwitchedOutput.Preset.RELAY ? "Output" : "Led"));
    }
}

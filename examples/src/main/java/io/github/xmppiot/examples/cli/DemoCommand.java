package io.github.xmppiot.examples.cli;

import io.github.xmppiot.examples.demo.Demo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code xmpp-iot demo}: the self-contained walk-through ({@link Demo}). */
@Command(name = "demo",
        header = "Runs the whole walk-through in this program, with no setup.", description = {
    "Runs the XMPP IoT walk-through inside this program: an embedded XMPP server on the loopback interface,",
    "a hub with simulated devices and a client reading, controlling and adding devices. Needs no setup."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        new Demo(spec.commandLine().getOut()).run();
        return 0;
    }
}

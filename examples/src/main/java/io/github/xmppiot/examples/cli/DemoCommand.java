package io.github.xmppiot.examples.cli;

import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code xmpp-iot demo}: the self-contained walk-through ({@link Walkthrough}), present only in
 * {@code xmpp-iot-demo.jar}; the field program says where to get it.
 */
@Command(
        name = "demo",
        header = "Runs the whole walk-through in this program, with no setup.",
        description = {
            "Runs the XMPP IoT walk-through inside this program: an embedded XMPP server on the loopback interface,",
            "a hub with simulated devices and a client reading, controlling and adding devices. Needs no setup."
        })
final class DemoCommand implements Callable<Integer> {

    /** What the field program answers to {@code demo}. */
    static final String NOT_HERE = "the demo is not part of this program, which runs devices and services without"
            + " the demo's embedded XMPP server: run it from xmpp-iot-demo.jar (in a source checkout: ./mvnw -B -q"
            + " -pl demo -am package -DskipTests && java -jar demo/target/xmpp-iot-demo.jar demo)";

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Walkthrough demo = ServiceLoader.load(Walkthrough.class)
                .findFirst()
                .orElseThrow(() -> new CliException(CliException.FAILED, NOT_HERE));
        demo.run(spec.commandLine().getOut());
        return 0;
    }
}

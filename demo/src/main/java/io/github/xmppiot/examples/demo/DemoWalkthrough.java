package io.github.xmppiot.examples.demo;

import io.github.xmppiot.examples.cli.Walkthrough;
import java.io.PrintWriter;

/** Registers {@link Demo} as the walk-through of {@code xmpp-iot demo} (service loader). */
public final class DemoWalkthrough implements Walkthrough {

    /** Service-loader constructor. */
    public DemoWalkthrough() {}

    @Override
    public void run(PrintWriter out) throws Exception {
        new Demo(out).run();
    }
}

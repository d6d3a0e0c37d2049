package io.github.xmppiot.examples.cli;

import java.io.PrintWriter;

/**
 * The walk-through behind {@code xmpp-iot demo}, found with {@link java.util.ServiceLoader}. It embeds an XMPP
 * server (Apache Vysper) that devices and services never need, so it ships only in {@code xmpp-iot-demo.jar} (module
 * {@code demo}); the field program ({@code xmpp-iot.jar}, the {@code .deb} and the {@code .tar.gz}) has none and
 * {@code demo} says where to find it.
 */
public interface Walkthrough {

    /**
     * Runs every step, printing each.
     *
     * @param out where the walk-through is printed
     * @throws Exception the failure of a step, as a {@link StepFailure} wrapping its cause
     */
    void run(PrintWriter out) throws Exception;

    /** A step of the walk-through failed; {@link CliErrors} reports the step and the translated cause. */
    final class StepFailure extends Exception {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the failure.
         *
         * @param step  the step's number, from 1
         * @param title the step's title
         * @param cause why it failed
         */
        public StepFailure(int step, String title, Throwable cause) {
            super("step " + step + " (" + title + ") failed: " + cause, cause);
        }
    }
}

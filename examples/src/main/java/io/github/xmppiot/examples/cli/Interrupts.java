package io.github.xmppiot.examples.cli;

import java.util.concurrent.CountDownLatch;

/** Waiting of the long-running commands ({@code thing}, {@code hub}, {@code provisioning}, ...) for Ctrl-C. */
final class Interrupts {

    private Interrupts() {}

    /**
     * Blocks until the JVM is asked to exit (Ctrl-C, SIGTERM) or the calling thread is interrupted, then returns so
     * that the caller's resources are closed.
     */
    static void awaitStop() {
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "xmpp-iot-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook has run and the caller closes its resources now
            }
        }
    }
}

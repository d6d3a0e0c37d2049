package io.github.xmppiot.testkit;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The faults a device or service must survive in the field, injected into a test {@link ProsodyServer} and the
 * {@link FaultProxy} its clients connect through. {@link #inject(ProsodyServer, FaultProxy)} returns as soon as the
 * server accepts connections again, so a test can measure or assert what happens from there on.
 */
public enum Fault {

    /** The server is stopped cleanly (streams closed with {@code system-shutdown}) and started again. */
    CLEAN_RESTART("clean restart"),
    /** The server is killed with SIGKILL and started again: sessions and XEP-0198 state are lost. */
    KILL_9("kill -9"),
    /** The network between clients and server is down for {@link #CUT_LENGTH}; the server keeps running. */
    NETWORK_CUT("network cut of 10 s");

    /** How long {@link #NETWORK_CUT} keeps the network down. */
    public static final Duration CUT_LENGTH = Duration.ofSeconds(10);

    private final String description;

    Fault(String description) {
        this.description = description;
    }

    /**
     * Injects the fault and returns once the server accepts connections through the proxy again. Any
     * {@link FaultProxy#blackHole(Duration) black hole} of the proxy ends with the fault, so requests a test held
     * back in flight are lost with their connection.
     *
     * @param server the server
     * @param proxy  the proxy between the clients and the server
     */
    public void inject(ProsodyServer server, FaultProxy proxy) {
        switch (this) {
            case CLEAN_RESTART -> server.restart();
            case KILL_9 -> server.kill();
            case NETWORK_CUT -> {
                proxy.cut(CUT_LENGTH);
                long end = System.nanoTime() + CUT_LENGTH.toNanos();
                long left;
                while ((left = end - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(left); // the cut lasts this long by definition
                }
            }
            default -> throw new AssertionError(this);
        }
        proxy.heal();
    }

    @Override
    public String toString() {
        return description;
    }
}

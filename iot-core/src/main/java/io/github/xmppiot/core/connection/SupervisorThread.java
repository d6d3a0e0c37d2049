package io.github.xmppiot.core.connection;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPConnection;

/**
 * The thread of a {@link ConnectionSupervisor}: one daemon thread per connection, named
 * {@code xmpp-iot-supervisor-<domain>-<id>}, which ends after {@value #IDLE_SECONDS} s without work; a cancelled
 * attempt or keep-alive check leaves its queue at once, so the queue holds at most the next attempt, the next check and
 * the pending events.
 */
final class SupervisorThread {

    /** Seconds without work after which the thread ends (a new one starts with the next task). */
    static final int IDLE_SECONDS = 10;

    private SupervisorThread() {}

    /**
     * @param c a connection
     * @return the name of its supervisor and of the supervisor's thread
     */
    static String name(XMPPConnection c) {
        return "xmpp-iot-supervisor-" + c.getXMPPServiceDomain() + "-"
                + Integer.toHexString(System.identityHashCode(c));
    }

    /**
     * @param c a connection
     * @return a new executor for its supervisor
     */
    static ScheduledThreadPoolExecutor executor(XMPPConnection c) {
        String name = name(c);
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        executor.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
        executor.allowCoreThreadTimeOut(true);
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}

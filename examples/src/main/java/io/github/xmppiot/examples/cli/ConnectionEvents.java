package io.github.xmppiot.examples.cli;

import io.github.xmppiot.core.connection.ConnectionEvent;
import io.github.xmppiot.core.connection.ConnectionLostException;
import io.github.xmppiot.core.connection.ConnectionStateListener;
import io.github.xmppiot.core.connection.ConnectionSupervisor;
import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jivesoftware.smack.XMPPConnection;

/**
 * The connection transitions of a long-running command ({@code thing}, {@code hub}, {@code registry},
 * {@code provisioning}, {@code watch}), printed as single lines ({@code connection: offline: ...},
 * {@code connection: reconnecting in 1.0 s (attempt 2)}, {@code connection: back online after 3.2 s ...}), and the
 * command's end: on Ctrl-C with exit code 0, or when reconnection is given up (refused credentials, or the policy's
 * attempt limit) with exit code {@value CliException#NOT_CONNECTED}.
 */
final class ConnectionEvents implements ConnectionStateListener {

    private final PrintWriter out;
    private final CompletableFuture<ConnectionEvent.GaveUp> gaveUp = new CompletableFuture<>();
    private volatile CompletableFuture<Void> online = CompletableFuture.completedFuture(null);

    private ConnectionEvents(PrintWriter out) {
        this.out = out;
    }

    /**
     * Starts printing a connection's transitions.
     *
     * @param connection the command's connection
     * @param out        where the lines go
     * @return the printer
     */
    static ConnectionEvents watch(XMPPConnection connection, PrintWriter out) {
        ConnectionEvents e = new ConnectionEvents(out);
        ConnectionSupervisor.getInstanceFor(connection).addListener(e);
        return e;
    }

    @Override
    public void onConnectionEvent(ConnectionEvent event) {
        if (event instanceof ConnectionEvent.Online) {
            return; // each command prints its own "online" line
        }
        synchronized (out) {
            out.println("connection: " + event.describe());
            out.flush();
        }
        if (event instanceof ConnectionEvent.Offline && online.isDone()) {
            online = new CompletableFuture<>();
        } else if (event instanceof ConnectionEvent.Restored) {
            online.complete(null);
        } else if (event instanceof ConnectionEvent.GaveUp g) {
            gaveUp.complete(g);
            online.completeExceptionally(notConnected(g));
        }
    }

    /**
     * Blocks until Ctrl-C (exit code 0) or until reconnection is given up.
     *
     * @return 0
     * @throws CliException with {@link CliException#NOT_CONNECTED} when reconnection was given up
     */
    int awaitStop() {
        Thread waiter = Thread.currentThread();
        gaveUp.thenRun(waiter::interrupt);
        Interrupts.awaitStop();
        if (gaveUp.isDone()) {
            Thread.interrupted(); // clear the interrupt used to wake us
            throw notConnected(gaveUp.join());
        }
        return 0;
    }

    /**
     * Waits until the connection is back after a loss.
     *
     * @throws CliException with {@link CliException#NOT_CONNECTED} when reconnection was given up
     * @throws InterruptedException if interrupted (Ctrl-C)
     */
    void awaitOnline() throws InterruptedException {
        try {
            online.get();
        } catch (ExecutionException e) {
            throw (CliException) e.getCause();
        }
    }

    /**
     * @param failure a failure of a request
     * @return true if it failed because the connection was lost (anywhere in its causes)
     */
    static boolean isConnectionLoss(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectionLostException) {
                return true;
            }
        }
        return false;
    }

    private static CliException notConnected(ConnectionEvent.GaveUp g) {
        return new CliException(CliException.NOT_CONNECTED, "connection: " + g.describe(), g.cause());
    }
}

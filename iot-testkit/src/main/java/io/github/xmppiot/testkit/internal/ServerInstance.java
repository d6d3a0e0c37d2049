package io.github.xmppiot.testkit.internal;

import java.nio.file.Path;
import java.util.Optional;

/** A running test XMPP server process (Prosody or ejabberd) in its own directory, as the test kit's servers use it. */
public interface ServerInstance {

    /** @return the c2s port */
    int port();

    /** @return the PEM certificate clients must trust, or empty for a plaintext-only server */
    Optional<Path> certificate();

    /** @return the private directory */
    Path directory();

    /** @return the server's log file */
    Path logFile();

    /** @return true while the server process runs */
    boolean isRunning();

    /**
     * The log from a byte position on, followed by the process's console output if there is any.
     *
     * @param position a value of the log file's size taken earlier, or 0
     * @return the text
     */
    String logSince(long position);

    /** Stops the server cleanly and starts it again with the same directory and port. */
    void restart();

    /** Kills the server with SIGKILL and starts it again with the same directory and port. */
    void killAndStart();

    /** Stops the server and deletes its directory; idempotent. */
    void close();
}

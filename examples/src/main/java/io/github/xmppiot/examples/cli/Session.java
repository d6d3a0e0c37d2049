package io.github.xmppiot.examples.cli;

import io.github.xmppiot.core.connection.IotConnection;
import io.github.xmppiot.core.connection.IotConnectionConfig;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Consumer;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * One connected account for the duration of a command, with progress lines on an interactive terminal.
 */
public final class Session implements AutoCloseable {

    private final XMPPTCPConnection connection;
    private final Duration timeout;
    private final Progress progress;

    private Session(XMPPTCPConnection connection, Duration timeout, Progress progress) {
        this.connection = connection;
        this.timeout = timeout;
        this.progress = progress;
    }

    /**
     * Connects and logs in.
     *
     * @param options the connection options
     * @param err     where progress goes (only on a terminal)
     * @return the session
     * @throws Exception if connecting or logging in fails; {@link CliErrors} turns it into one line
     */
    public static Session open(ConnectionOptions options, PrintWriter err) throws Exception {
        return open(options, err, c -> {});
    }

    /**
     * Connects and logs in, setting the connection up before login (so that nothing the server pushes right after
     * login is missed, as XEP-0324 devices need).
     *
     * @param options     the connection options
     * @param err         where progress goes (only on a terminal)
     * @param beforeLogin sets the connection up; runs before connecting
     * @return the session
     * @throws Exception if connecting or logging in fails; {@link CliErrors} turns it into one line
     */
    public static Session open(ConnectionOptions options, PrintWriter err, Consumer<XMPPTCPConnection> beforeLogin)
            throws Exception {
        IotConnectionConfig config = options.config();
        Progress progress = new Progress(err);
        progress.step("connecting as " + config.jid() + " ...");
        XMPPTCPConnection c = IotConnection.create(config);
        boolean ok = false;
        try {
            // friend requests wait for 'xmpp-iot accept' (or a device's own rules), never answered by Smack's default
            Roster.getInstanceFor(c).setSubscriptionMode(Roster.SubscriptionMode.manual);
            beforeLogin.accept(c);
            try {
                c.connect();
            } catch (Exception e) {
                throw ConnectFailures.explain(e, config, options.timeout());
            }
            c.login();
            ok = true;
        } finally {
            if (!ok) {
                c.disconnect();
            }
        }
        progress.clear();
        return new Session(c, options.timeout(), progress);
    }

    /** @return the authenticated connection */
    public XMPPTCPConnection connection() {
        return connection;
    }

    /** @return the reply timeout */
    public Duration timeout() {
        return timeout;
    }

    /** @return the progress reporter */
    public Progress progress() {
        return progress;
    }

    /**
     * Parses a JID argument.
     *
     * @param text the argument
     * @param what the argument's name for the error message
     * @return the JID
     * @throws CliException with {@link CliException#BAD_INPUT} if malformed
     */
    public static Jid jid(String text, String what) {
        try {
            Jid j = JidCreate.from(text);
            if (j.getLocalpartOrNull() == null && !text.contains(".")) {
                throw CliException.badInput(what + " '" + text + "' is not a JID like thing@example.org");
            }
            return j;
        } catch (XmppStringprepException e) {
            throw CliException.badInput(what + " '" + text + "' is not a valid JID");
        }
    }

    /** Disconnects. */
    @Override
    public void close() {
        progress.clear();
        connection.disconnect();
    }

    /** Progress lines on standard error, shown only on an interactive terminal and overwritten in place. */
    public static final class Progress {
        private final PrintWriter err;
        private final boolean enabled;
        private int width;

        Progress(PrintWriter err) {
            this.err = err;
            this.enabled = System.console() != null;
        }

        /**
         * Shows what is happening now.
         *
         * @param text a short description
         */
        public synchronized void step(String text) {
            if (enabled) {
                err.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
                err.flush();
                width = text.length();
            }
        }

        /** Removes the progress line. */
        public synchronized void clear() {
            if (enabled && width > 0) {
                err.print("\r" + " ".repeat(width) + "\r");
                err.flush();
                width = 0;
            }
        }
    }
}

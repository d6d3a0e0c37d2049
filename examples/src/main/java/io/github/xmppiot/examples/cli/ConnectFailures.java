package io.github.xmppiot.examples.cli;

import io.github.xmppiot.core.connection.IotConnectionConfig;
import java.net.UnknownHostException;
import java.time.Duration;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.util.rce.RemoteConnectionEndpointLookupFailure;
import org.jivesoftware.smack.util.rce.RemoteConnectionException;

/**
 * Names what went wrong while connecting (before login) and the option that fixes it: a host name that does not
 * resolve, a port where something other than XMPP answers, a port that accepts but stays silent. Other failures are
 * left to {@link CliErrors}.
 */
final class ConnectFailures {

    private ConnectFailures() {}

    /**
     * Explains a failure of {@code connect()}.
     *
     * @param failure what {@code connect()} threw
     * @param config  the configuration it used
     * @param timeout the connect timeout
     * @return a {@link CliException} naming the problem and the fix, or {@code failure} itself
     */
    static Exception explain(Exception failure, IotConnectionConfig config, Duration timeout) {
        String where = config.host().orElse(config.jid().getDomain().toString())
                + (config.port().isPresent() ? ":" + config.port().getAsInt() : "");
        if (failure instanceof SmackException.EndpointConnectionException ece) {
            for (RemoteConnectionException<?> rce : ece.getConnectionExceptions()) {
                if (rce.getException() instanceof UnknownHostException) {
                    return unknownHost(failure, config);
                }
            }
            for (RemoteConnectionEndpointLookupFailure lookup : ece.getLookupFailures()) {
                if (CliErrors.find(lookup.getException(), UnknownHostException.class) != null) {
                    return unknownHost(failure, config);
                }
            }
        }
        if (failure instanceof SmackException.NoEndpointsDiscoveredException) {
            return unknownHost(failure, config);
        }
        if (failure instanceof SmackException.SmackWrappedException
                && failure.getCause() != null
                && failure.getCause().getClass().getName().contains("XmlPullParser")) {
            return new CliException(
                    CliException.NOT_CONNECTED,
                    where + " does not speak XMPP (it answered something"
                            + " that is not an XMPP stream): check --host and --port (XMPP clients use port 5222)",
                    failure);
        }
        if (failure instanceof SmackException.NoResponseException) {
            return new CliException(
                    CliException.NOT_CONNECTED,
                    "connected to " + where + " but no XMPP server"
                            + " answered within " + timeout.toSeconds()
                            + " s: check --host and --port (XMPP clients use"
                            + " port 5222), or try a larger --timeout",
                    failure);
        }
        return failure;
    }

    private static CliException unknownHost(Exception failure, IotConnectionConfig config) {
        String name = config.host().orElse(config.jid().getDomain().toString());
        return new CliException(
                CliException.NOT_CONNECTED,
                "cannot find the server: the name " + name
                        + " does not resolve (DNS)"
                        + (config.host().isPresent()
                                ? "; check --host"
                                : "; give the server's address with --host (and --port if not 5222)"),
                failure);
    }
}

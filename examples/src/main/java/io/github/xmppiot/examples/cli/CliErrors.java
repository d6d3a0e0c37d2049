package io.github.xmppiot.examples.cli;

import io.github.xmppiot.concentrator.ConcentratorException;
import io.github.xmppiot.concentrator.element.ParameterError;
import io.github.xmppiot.control.ControlException;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.discovery.RegistryNotFoundException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.util.rce.RemoteConnectionException;
import picocli.CommandLine;

/**
 * Turns every failure into one line on standard error and an exit code ({@link CliException}): no stack traces, no
 * Smack log output. {@code --verbose} (or {@code XMPP_IOT_DEBUG=1}) adds the stack trace for bug reports.
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    private final boolean verbose;

    CliErrors(boolean verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        CliException e = translate(ex);
        commandLine.getErr().println(commandLine.getCommandName() + ": " + e.getMessage());
        if (verbose) {
            ex.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().flush();
        return e.exitCode();
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        String hint = " (see '" + cl.getCommandSpec().qualifiedName() + " --help')";
        cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": " + oneLine(ex.getMessage()) + hint);
        cl.getErr().flush();
        return CliException.BAD_INPUT;
    }

    /**
     * Maps a failure to a one-line message and an exit code.
     *
     * @param failure what went wrong
     * @return the failure to report
     */
    static CliException translate(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof CliException c) {
            return c;
        }
        if (t instanceof Walkthrough.StepFailure d) {
            CliException cause = translate(d.getCause());
            return new CliException(
                    CliException.FAILED, d.getMessage().replaceFirst(": .*", ": ") + cause.getMessage(), t);
        }
        if (t instanceof SASLErrorException sasl) {
            return new CliException(
                    CliException.NOT_CONNECTED,
                    "login failed (" + sasl.getSASLFailure().getSASLErrorString() + "): wrong JID or password",
                    t);
        }
        if (t instanceof SmackException.SmackSaslException) {
            return new CliException(
                    CliException.NOT_CONNECTED,
                    "login failed: " + oneLine(t.getMessage()) + " (a server without SCRAM needs --allow-plain-sasl)",
                    t);
        }
        if (t instanceof SmackException.SecurityRequiredByClientException) {
            return new CliException(
                    CliException.NOT_CONNECTED,
                    "the server does not offer TLS; use --tls disabled only on a trusted network",
                    t);
        }
        if (t instanceof SmackException.NoEndpointsDiscoveredException) {
            return new CliException(
                    CliException.NOT_CONNECTED, "cannot find the XMPP server of this domain by DNS; use --host", t);
        }
        if (t instanceof SmackException.EndpointConnectionException
                || t instanceof SmackException.ConnectionException) {
            return new CliException(CliException.NOT_CONNECTED, "cannot connect: " + endpointReason(t), t);
        }
        Throwable tls =
                find(t, SSLException.class, CertificateException.class, SmackException.SmackCertificateException.class);
        if (tls != null) {
            return new CliException(
                    CliException.NOT_CONNECTED,
                    "TLS failed: " + oneLine(tls.getMessage())
                            + " (a private or self-signed server certificate needs --trust-cert FILE)",
                    t);
        }
        if (t instanceof SmackException.NoResponseException || t instanceof TimeoutException) {
            return new CliException(CliException.FAILED, "no answer within the timeout (is the JID online?)", t);
        }
        if (t instanceof ConcentratorException ce) {
            StringBuilder b = new StringBuilder("the concentrator answered ").append(oneLine(ce.getMessage()));
            for (ParameterError pe : ce.errors()) {
                b.append("; ").append(pe.var()).append(": ").append(oneLine(pe.message()));
            }
            return new CliException(CliException.FAILED, b.toString(), t);
        }
        if (t instanceof RegistryNotFoundException) {
            return new CliException(
                    CliException.FAILED,
                    "no thing registry found: " + oneLine(t.getMessage()) + " (use --registry JID)",
                    t);
        }
        if (t instanceof ControlException ce) {
            StringBuilder b = new StringBuilder("the Thing refused (")
                    .append(ce.condition())
                    .append(')');
            ce.parameterErrors()
                    .forEach((name, message) ->
                            b.append("; ").append(name).append(": ").append(oneLine(message)));
            if (ce.parameterErrors().isEmpty()) {
                b.append(text(ce));
            }
            return new CliException(CliException.FAILED, b.toString(), t);
        }
        if (t instanceof IotErrorException ie) {
            return new CliException(
                    CliException.FAILED, "the request was refused (" + ie.condition() + ")" + text(ie), t);
        }
        if (t instanceof XMPPException.XMPPErrorException xe) {
            return new CliException(CliException.FAILED, describe(xe.getStanza(), xe.getStanzaError()), t);
        }
        if (t instanceof XMPPException.StreamErrorException se) {
            return new CliException(
                    CliException.NOT_CONNECTED,
                    "the server closed the stream: " + se.getStreamError().getCondition(),
                    t);
        }
        if (t instanceof SmackException.NotConnectedException) {
            return new CliException(CliException.NOT_CONNECTED, "the connection to the server was lost", t);
        }
        Throwable net = find(
                t,
                ConnectException.class,
                UnknownHostException.class,
                NoRouteToHostException.class,
                SocketTimeoutException.class);
        if (net != null) {
            return new CliException(CliException.NOT_CONNECTED, "cannot connect: " + net, t);
        }
        if (t instanceof IllegalArgumentException) {
            return new CliException(CliException.BAD_INPUT, oneLine(t.getMessage()), t);
        }
        return new CliException(CliException.FAILED, oneLine(String.valueOf(t)), t);
    }

    /**
     * Describes an XMPP error answer.
     *
     * @param stanza the error answer, may be null
     * @param error  the stanza error
     * @return for example {@code sensor@example.org answered item-not-found: no such node}
     */
    static String describe(Stanza stanza, StanzaError error) {
        String who =
                stanza != null && stanza.getFrom() != null ? stanza.getFrom().toString() : "the server";
        String text = error.getDescriptiveText();
        StringBuilder b = new StringBuilder(who).append(" answered ").append(error.getCondition());
        if (text != null && !text.isBlank()) {
            b.append(": ").append(oneLine(text));
        }
        switch (error.getCondition()) {
            case service_unavailable, recipient_unavailable, remote_server_not_found, item_not_found ->
                b.append(" (unknown or offline JID?)");
            case forbidden, not_authorized -> b.append(" (not allowed)");
            default -> {}
        }
        return b.toString();
    }

    private static String text(IotErrorException e) {
        String m = e.getMessage();
        return m == null || m.equals(e.condition().toString()) ? "" : ": " + oneLine(m);
    }

    private static String endpointReason(Throwable t) {
        if (t instanceof SmackException.EndpointConnectionException ece) {
            StringBuilder b = new StringBuilder();
            for (RemoteConnectionException<?> rce : ece.getConnectionExceptions()) {
                b.append(b.length() == 0 ? "" : "; ")
                        .append(rce.getAddress())
                        .append(": ")
                        .append(oneLine(String.valueOf(rce.getException().getMessage())));
            }
            if (b.length() > 0) {
                return b.toString();
            }
        }
        Throwable net = find(
                t.getCause() != null ? t.getCause() : t,
                ConnectException.class,
                UnknownHostException.class,
                NoRouteToHostException.class,
                SocketTimeoutException.class);
        if (net != null) {
            return oneLine(net.toString().replace("java.net.", ""));
        }
        return oneLine(t.getMessage());
    }

    private static Throwable unwrap(Throwable t) {
        Throwable x = t;
        while ((x instanceof CompletionException
                        || x instanceof ExecutionException
                        || x instanceof CommandLine.ExecutionException)
                && x.getCause() != null) {
            x = x.getCause();
        }
        return x;
    }

    @SafeVarargs
    static Throwable find(Throwable t, Class<? extends Throwable>... types) {
        for (Throwable x = t; x != null; x = x.getCause() == x ? null : x.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(x)) {
                    return x;
                }
            }
        }
        return null;
    }

    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String line = s.strip().replaceAll("\\s*\\R\\s*", "; ");
        return line.length() > 300 ? line.substring(0, 297) + "..." : line;
    }
}

package io.github.xmppiot.discovery;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.iqregister.AccountManager;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Localpart;

/**
 * Creates an account for a Thing that has none, by in-band registration (XEP-0077) on the server it connected to
 * (XEP-0347 §3.4 "Connection to XMPP Server", CHECKLIST 347-3). The user name is a prefix plus 16 random hexadecimal
 * characters (a new one is drawn on {@code conflict}), the password 32 random bytes in URL-safe Base64. The password
 * travels in the clear inside the stream, so registration is refused on a connection without TLS unless
 * {@code allowInsecure} is set. If several servers were found, try them in turn: the first that allows account
 * creation is used (XEP-0347 §3.4).
 *
 * @since 0.1.0
 */
public final class InBandAccount {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ATTEMPTS = 3;

    /**
     * The new account's credentials; store them, the password cannot be recovered.
     *
     * @param jid      the account's bare JID
     * @param password the password
     */
    public record Credentials(EntityBareJid jid, String password) {
        /**
         * Checks the values.
         *
         * @throws NullPointerException if a value is null
         */
        public Credentials {
            Objects.requireNonNull(jid, "jid");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Credentials[" + jid + ", password hidden]";
        }
    }

    private InBandAccount() {}

    /**
     * Registers a new account with a generated user name and password.
     *
     * @param connection    a connection to the server, connected but not logged in
     * @param prefix        the start of the user name, e.g. {@code "thing-"} (may be empty)
     * @param allowInsecure true to register even without TLS (test servers only)
     * @param executor      runs the blocking XEP-0077 exchange, never Smack's reader thread
     * @return completes with the credentials; exceptionally with {@link IllegalStateException} if the connection is
     *         not secure and {@code allowInsecure} is false, or not connected, or the server does not support
     *         in-band registration, or with the server's {@link XMPPException.XMPPErrorException} (e.g.
     *         {@code not-allowed})
     */
    public static CompletableFuture<Credentials> register(
            XMPPConnection connection, String prefix, boolean allowInsecure, Executor executor) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(prefix, "prefix");
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return create(connection, prefix, allowInsecure);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new CompletionException(e);
                    } catch (RuntimeException e) {
                        throw e instanceof CompletionException ? e : new CompletionException(e);
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                },
                executor);
    }

    private static Credentials create(XMPPConnection connection, String prefix, boolean allowInsecure)
            throws Exception {
        if (!connection.isConnected()) {
            throw new IllegalStateException("not connected");
        }
        if (!connection.isSecureConnection() && !allowInsecure) {
            throw new IllegalStateException(
                    "in-band registration sends the password: refused without TLS " + "(allowInsecure to override)");
        }
        AccountManager accounts = AccountManager.getInstance(connection);
        accounts.sensitiveOperationOverInsecureConnection(allowInsecure);
        if (!accounts.supportsAccountCreation()) {
            throw new IllegalStateException(connection.getXMPPServiceDomain() + " does not allow in-band registration");
        }
        for (int attempt = 1; ; attempt++) {
            byte[] name = new byte[8];
            byte[] secret = new byte[32];
            RANDOM.nextBytes(name);
            RANDOM.nextBytes(secret);
            Localpart user = Localpart.from(prefix + HexFormat.of().formatHex(name));
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            try {
                accounts.createAccount(user, password);
                return new Credentials(JidCreate.entityBareFrom(user, connection.getXMPPServiceDomain()), password);
            } catch (XMPPException.XMPPErrorException e) {
                if (e.getStanzaError().getCondition() != StanzaError.Condition.conflict || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}

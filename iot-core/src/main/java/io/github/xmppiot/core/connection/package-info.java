/**
 * Secure-by-default XMPP client connections for devices and services.
 *
 * <p>{@link io.github.xmppiot.core.connection.IotConnection#builder()} produces an immutable
 * {@link io.github.xmppiot.core.connection.IotConnectionConfig} that maps to a Smack
 * {@code XMPPTCPConnectionConfiguration}: TLS is required and the server certificate is verified, SASL is restricted
 * to SCRAM, and every socket has {@code TCP_NODELAY} set so that small request/response stanzas are not delayed by
 * Nagle's algorithm. Weaker settings (plaintext streams, SASL PLAIN) are explicit opt-ins. A configuration can also be
 * loaded from a {@link java.util.Properties} file with
 * {@link io.github.xmppiot.core.connection.IotConnectionConfig#fromProperties(java.util.Properties)}.
 */
package io.github.xmppiot.core.connection;

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
 *
 * <p>Connections created by {@link io.github.xmppiot.core.connection.IotConnection} reconnect by themselves
 * ({@link io.github.xmppiot.core.connection.ReconnectPolicy}, applied by
 * {@link io.github.xmppiot.core.connection.ConnectionSupervisor}, with XEP-0198 stream resumption where the server
 * offers it), report their state to {@link io.github.xmppiot.core.connection.ConnectionStateListener}s, and make
 * requests in flight fail at once with {@link io.github.xmppiot.core.connection.ConnectionLostException} when they
 * drop.
 */
package io.github.xmppiot.core.connection;

/**
 * A XEP-0324 provisioning server on an XMPP account: owners' rules in an embedded H2 file or a PostgreSQL database
 * ({@link io.github.xmppiot.provisioning.server.JdbcProvisioningStore}), managed with XEP-0050 ad-hoc commands
 * ({@link io.github.xmppiot.provisioning.server.OwnerCommands}), token issuance, and {@code clearCache} pushed to
 * Things when their rules change (§3.5.1).
 */
package io.github.xmppiot.provisioning.server;

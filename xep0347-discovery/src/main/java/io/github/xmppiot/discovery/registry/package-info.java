/**
 * A Thing Registry (XEP-0347 §3.5-§3.17) running on an XMPP account: {@link io.github.xmppiot.discovery.registry.ThingRegistry}
 * answers the requests of Things, owners and searchers, applies the rules of the XEP in
 * {@link io.github.xmppiot.discovery.registry.RegistryRules} and keeps its records behind the small JDBC storage
 * interface {@link io.github.xmppiot.discovery.registry.RegistryStorage} (an embedded H2 file database by default).
 */
package io.github.xmppiot.discovery.registry;

/**
 * XEP-0347 Internet of Things - Discovery (meta tags are in {@code io.github.xmppiot.core.meta}): search operators, the claim URI and QR code, finding the XMPP
 * server (DNS-SD) and the Thing Registry, and the managers a Thing ({@link io.github.xmppiot.discovery.ThingDiscoveryManager})
 * and an owner or searcher ({@link io.github.xmppiot.discovery.OwnerDiscoveryManager}) use. The registry service itself
 * lives in {@code io.github.xmppiot.discovery.registry}.
 */
package io.github.xmppiot.discovery;

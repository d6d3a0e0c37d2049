/**
 * Smack providers of the XEP-0326 elements; {@link io.github.xmppiot.concentrator.provider.ConcentratorProviders}
 * registers them all.
 */
package io.github.xmppiot.concentrator.provider;

/**
 * Providers of the elements in {@link io.github.xmppiot.core.element}, registered by
 * {@link io.github.xmppiot.core.provider.CoreProviders#register()}, which the XEP modules call from their own
 * provider registration.
 */
package io.github.xmppiot.core.provider;

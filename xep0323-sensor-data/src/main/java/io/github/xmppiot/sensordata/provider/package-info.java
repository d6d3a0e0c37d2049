/**
 * Smack providers of the XEP-0323 elements (§3.1), lenient as CHECKLIST §14 asks; request providers turn malformed
 * requests into {@link io.github.xmppiot.core.xml.MalformedRequest} so that they are answered with
 * {@code modify/bad-request}. {@link io.github.xmppiot.sensordata.provider.SensorDataProviders#register()} registers
 * them all.
 */
package io.github.xmppiot.sensordata.provider;

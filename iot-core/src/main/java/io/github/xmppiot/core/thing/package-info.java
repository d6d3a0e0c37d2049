/**
 * The device-side Thing model: a {@link io.github.xmppiot.core.thing.Thing} (a device, or one node of a hub) has
 * meta tags for the registry (XEP-0347), {@link io.github.xmppiot.core.thing.Sensor}s that produce XEP-0323 fields and
 * {@link io.github.xmppiot.core.thing.ControlParameter}s that accept XEP-0325 values. A
 * {@link io.github.xmppiot.core.thing.ThingDirectory} holds the things behind one JID, addressed by node triple.
 */
package io.github.xmppiot.core.thing;

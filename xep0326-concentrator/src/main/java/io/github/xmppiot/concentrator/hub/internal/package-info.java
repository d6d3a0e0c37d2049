/** Implementation of the hub: JSON reading and writing, atomic file replacement. No compatibility promise. */
package io.github.xmppiot.concentrator.hub.internal;

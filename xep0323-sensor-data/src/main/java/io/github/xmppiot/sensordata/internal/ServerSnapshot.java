package io.github.xmppiot.sensordata.internal;

import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.sensordata.SensorDataServerSettings;

/**
 * What a {@link io.github.xmppiot.sensordata.SensorDataServer} serves a request with, taken once when the request
 * arrives (docs/CONVENTIONS.md "Managers").
 *
 * @param settings     the settings in force
 * @param accessPolicy the access policy in force: the settings' one, or the friends of the server's connection
 */
public record ServerSnapshot(SensorDataServerSettings settings, AccessPolicy accessPolicy) {}

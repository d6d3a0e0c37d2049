/**
 * Implementation of the XEP-0323 managers: field XML, message splitting, read-out state on both sides. Not API.
 */
package io.github.xmppiot.sensordata.internal;

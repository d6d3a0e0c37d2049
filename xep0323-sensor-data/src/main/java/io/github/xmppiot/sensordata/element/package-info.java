/**
 * The XEP-0323 elements (§3.1): the IQ payloads {@link io.github.xmppiot.sensordata.element.Req},
 * {@link io.github.xmppiot.sensordata.element.Accepted}, {@link io.github.xmppiot.sensordata.element.Cancel} and
 * {@link io.github.xmppiot.sensordata.element.Cancelled}, and the message payloads
 * {@link io.github.xmppiot.sensordata.element.Started}, {@link io.github.xmppiot.sensordata.element.Fields},
 * {@link io.github.xmppiot.sensordata.element.Failure} and {@link io.github.xmppiot.sensordata.element.Done}, the
 * sealed family {@link io.github.xmppiot.sensordata.element.ReadoutMessage}. All are
 * immutable once built and serialise to the spec's form.
 */
package io.github.xmppiot.sensordata.element;

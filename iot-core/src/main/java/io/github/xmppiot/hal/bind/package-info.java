/**
 * Binds HAL drivers to the Thing model: a sensor driver becomes a {@link io.github.xmppiot.core.thing.Sensor} of
 * XEP-0323 numeric or boolean fields, an output driver becomes a XEP-0325
 * {@link io.github.xmppiot.core.thing.ControlParameter} whose state is also readable as a {@code writable} field.
 * Blocking hardware access runs on the executor given, never on Smack's reader thread.
 */
package io.github.xmppiot.hal.bind;

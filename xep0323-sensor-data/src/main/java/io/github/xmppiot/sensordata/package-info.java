/**
 * XEP-0323 Internet of Things - Sensor Data: {@link io.github.xmppiot.sensordata.SensorDataServer} answers read-outs
 * on a Thing, {@link io.github.xmppiot.sensordata.SensorDataClient} requests them
 * ({@link io.github.xmppiot.sensordata.ReadoutRequest}) and collects the results
 * ({@link io.github.xmppiot.sensordata.Readout}, or partial results through a
 * {@link io.github.xmppiot.sensordata.ReadoutListener}); a {@link io.github.xmppiot.sensordata.HistoryStore} answers
 * historical requests.
 */
package io.github.xmppiot.sensordata;

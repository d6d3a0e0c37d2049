package io.github.xmppiot.sensordata.internal;

import io.github.xmppiot.sensordata.SensorDataClientSettings;

/**
 * What a {@link io.github.xmppiot.sensordata.SensorDataClient} starts a read-out with, taken once per read-out
 * (docs/CONVENTIONS.md "Managers").
 *
 * @param settings  the settings in force
 * @param lease     the executors of the settings, leased by the client
 * @param deadlines the idle timer of the client's read-outs, on the lease's timer
 */
public record ClientSnapshot(SensorDataClientSettings settings, SharedLease lease, Deadlines deadlines) {

    /**
     * A snapshot with a fresh idle timer on the lease's timer.
     *
     * @param settings the settings
     * @param lease    their executors' lease
     * @return the snapshot
     */
    public static ClientSnapshot of(SensorDataClientSettings settings, SharedLease lease) {
        return new ClientSnapshot(settings, lease, new Deadlines(lease.timer()));
    }
}

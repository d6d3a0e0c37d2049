package io.github.xmppiot.sensordata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.concurrent.IotExecutors;
import org.junit.jupiter.api.Test;

/** A manager's lease stays open while the read-outs started on it are in flight, and closes after the last one. */
class SharedLeaseTest {

    private final IotExecutors executors =
            IotExecutors.builder().name("lease-test").build();

    @Test
    void aRetiredLeaseClosesWhenItsLastReadoutEnds() {
        SharedLease lease = new SharedLease(executors);
        assertThat(lease.retain()).isTrue();
        assertThat(lease.retain()).isTrue();

        lease.retire(); // the manager swapped executors or closed
        assertThat(lease.retain()).as("no new read-out on a retired lease").isFalse();
        assertThat(executors.activeLeases()).as("two read-outs still use it").isEqualTo(1);

        lease.release();
        assertThat(executors.activeLeases()).isEqualTo(1);
        lease.release();
        assertThat(executors.activeLeases()).isZero();
        lease.retire(); // idempotent
        assertThat(executors.activeLeases()).isZero();
    }

    @Test
    void aLeaseWithoutReadoutsClosesWhenRetired() {
        SharedLease lease = new SharedLease(executors);
        assertThat(lease.executors()).isSameAs(executors);
        assertThat(executors.activeLeases()).isEqualTo(1);
        assertThat(lease.retain()).isTrue();
        lease.release(); // a read-out ended while the lease is current: it stays open
        assertThat(executors.activeLeases()).isEqualTo(1);

        lease.retire();

        assertThat(executors.activeLeases()).isZero();
    }
}

package io.github.xmppiot.core.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link LeasedSettings} against a model: after any sequence of swaps, holds, releases and closes, each executors'
 * open leases are exactly the current one (until closed) plus the retired ones that still have open holds.
 */
class LeasedSettingsProperties {

    record Cfg(IotExecutors executors) {}

    /** One step: 0-2 configure with pool n, 3 hold, 4 release the oldest open hold, 5 close. */
    @Provide
    Arbitrary<List<Integer>> steps() {
        return Arbitraries.integers().between(0, 5).list().ofMaxSize(40);
    }

    /** The model of one lease. */
    private static final class ModelLease {
        final int pool;
        int holds;
        boolean retired;

        ModelLease(int pool) {
            this.pool = pool;
        }

        boolean open() {
            return !(retired && holds == 0);
        }
    }

    @Property
    void openLeasesMatchTheModel(@ForAll("steps") List<Integer> steps) {
        IotExecutors[] pools = {
            IotExecutors.builder().name("p0").build(),
            IotExecutors.builder().name("p1").build(),
            IotExecutors.builder().name("p2").build()
        };
        LeasedSettings<Cfg> holder = new LeasedSettings<>(new Cfg(pools[0]), Cfg::executors);
        List<ModelLease> leases = new ArrayList<>();
        ModelLease current = new ModelLease(0);
        leases.add(current);
        List<LeasedSettings.Hold<Cfg>> holds = new ArrayList<>();
        List<ModelLease> heldLeases = new ArrayList<>();
        boolean closed = false;
        for (int step : steps) {
            if (step <= 2 && !closed) {
                holder.configure(new Cfg(pools[step]));
                if (current.pool != step) {
                    current.retired = true;
                    current = new ModelLease(step);
                    leases.add(current);
                }
            } else if (step == 3 && !closed) {
                holds.add(holder.hold());
                heldLeases.add(current);
                current.holds++;
            } else if (step == 4 && !holds.isEmpty()) {
                holds.remove(0).close();
                heldLeases.remove(0).holds--;
            } else if (step == 5) {
                holder.close();
                closed = true;
                current.retired = true;
            }
            for (int p = 0; p < pools.length; p++) {
                int pool = p;
                long expected =
                        leases.stream().filter(l -> l.pool == pool && l.open()).count();
                assertThat(pools[p].activeLeases()).as("pool " + p).isEqualTo((int) expected);
            }
            assertThat(holder.isClosed()).isEqualTo(closed);
        }
        holds.forEach(LeasedSettings.Hold::close);
        holder.close();
        for (IotExecutors pool : pools) {
            assertThat(pool.activeLeases()).isZero();
        }
    }
}

package io.github.xmppiot.core.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link LeasedSettings}: one swap, reference-counted release of the old lease, idempotent close. */
class LeasedSettingsTest {

    /** Settings naming executors, with a version to tell swaps apart. */
    record Cfg(IotExecutors executors, int version) {}

    private final IotExecutors a =
            IotExecutors.builder().name("a").workThreads(1).build();
    private final IotExecutors b =
            IotExecutors.builder().name("b").workThreads(1).build();

    @Test
    void sameExecutorsKeepTheLeaseOtherExecutorsSwapItAndFreeTheOldOneAtOnceWhenNothingHoldsIt() {
        LeasedSettings<Cfg> holder = new LeasedSettings<>(new Cfg(a, 1), Cfg::executors);
        IotExecutors.Lease first = holder.current().lease();
        assertThat(a.activeLeases()).isEqualTo(1);

        LeasedSettings.Snapshot<Cfg> same = holder.configure(new Cfg(a, 2));
        assertThat(same.lease()).isSameAs(first);
        assertThat(holder.settings().version()).isEqualTo(2);
        assertThat(a.activeLeases()).isEqualTo(1);

        LeasedSettings.Snapshot<Cfg> other = holder.update(c -> new Cfg(b, c.version() + 1));
        assertThat(other.settings().version()).isEqualTo(3);
        assertThat(other.lease().executors()).isSameAs(b);
        assertThat(holder.current()).isSameAs(other);
        assertThat(a.activeLeases()).as("nothing held the old lease").isZero();
        assertThat(b.activeLeases()).isEqualTo(1);

        holder.close();
        assertThat(b.activeLeases()).isZero();
    }

    @Test
    void aHoldKeepsTheOldLeaseOpenUntilTheWorkStartedOnItHasEnded() {
        LeasedSettings<Cfg> holder = new LeasedSettings<>(new Cfg(a, 1), Cfg::executors);
        LeasedSettings.Hold<Cfg> one = holder.hold();
        LeasedSettings.Hold<Cfg> two = holder.hold();
        holder.configure(new Cfg(b, 2));
        assertThat(a.activeLeases()).as("two holds on the old lease").isEqualTo(1);
        assertThat(one.settings().version()).as("a hold keeps its snapshot").isEqualTo(1);
        assertThat(one.lease().executors()).isSameAs(a);

        one.close();
        one.close(); // counted once
        assertThat(a.activeLeases()).isEqualTo(1);
        two.close();
        assertThat(a.activeLeases()).isZero();

        LeasedSettings.Hold<Cfg> onNew = holder.hold();
        assertThat(onNew.settings().version()).isEqualTo(2);
        assertThat(onNew.snapshot()).isSameAs(holder.current());
        onNew.close();
        assertThat(b.activeLeases())
                .as("the current lease stays open without holds")
                .isEqualTo(1);
        holder.close();
        assertThat(b.activeLeases()).isZero();
    }

    @Test
    void closeIsIdempotentWaitsForHoldsAndRefusesNewWork() {
        LeasedSettings<Cfg> holder = new LeasedSettings<>(new Cfg(a, 1), Cfg::executors);
        LeasedSettings.Hold<Cfg> running = holder.hold();
        holder.close();
        holder.close();
        assertThat(holder.isClosed()).isTrue();
        assertThat(a.activeLeases())
                .as("a read-out in flight keeps its executors")
                .isEqualTo(1);
        assertThat(holder.current().settings().version()).isEqualTo(1);
        assertThatThrownBy(holder::hold)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> holder.configure(new Cfg(b, 2))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> holder.update(c -> c)).isInstanceOf(IllegalStateException.class);
        assertThat(b.activeLeases()).isZero();
        running.close();
        assertThat(a.activeLeases()).isZero();
        holder.close();
        assertThat(a.activeLeases()).isZero();
    }

    @Test
    void concurrentHoldsAndSwapsSeeConsistentSnapshotsAndLeaveNoLeaseOpen() throws Exception {
        LeasedSettings<Cfg> holder = new LeasedSettings<>(new Cfg(a, 0), Cfg::executors);
        int workers = 4;
        int rounds = 2_000;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger inconsistent = new AtomicInteger();
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            done.add(f);
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < rounds; i++) {
                        try (LeasedSettings.Hold<Cfg> h = holder.hold()) {
                            if (h.lease().executors() != h.settings().executors()
                                    || h.lease().executors().activeLeases() == 0) {
                                inconsistent.incrementAndGet();
                            }
                        }
                    }
                    f.complete(null);
                } catch (Throwable e) {
                    f.completeExceptionally(e);
                }
            });
            t.start();
        }
        start.countDown();
        for (int i = 1; i <= rounds; i++) {
            IotExecutors next = i % 2 == 0 ? a : b;
            int v = i;
            holder.update(c -> new Cfg(next, v));
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        assertThat(inconsistent).hasValue(0);
        assertThat(holder.settings().version()).isEqualTo(rounds);
        assertThat(a.activeLeases() + b.activeLeases())
                .as("only the current lease")
                .isEqualTo(1);
        holder.close();
        assertThat(a.activeLeases()).isZero();
        assertThat(b.activeLeases()).isZero();
    }
}

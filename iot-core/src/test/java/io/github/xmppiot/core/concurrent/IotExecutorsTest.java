package io.github.xmppiot.core.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IotExecutorsTest {

    @Test
    void threadsAreNamedDaemonsAndStopWithTheLastLease() throws Exception {
        IotExecutors executors =
                IotExecutors.builder().name("t1").workThreads(2).build();
        IotExecutors.Lease first = executors.acquire();
        IotExecutors.Lease second = executors.acquire();
        assertThat(executors.activeLeases()).isEqualTo(2);
        Thread worker = CompletableFuture.supplyAsync(Thread::currentThread, first.work())
                .get(10, TimeUnit.SECONDS);
        Thread timer = first.timer()
                .schedule(Thread::currentThread, 1, TimeUnit.MILLISECONDS)
                .get(10, TimeUnit.SECONDS);
        assertThat(worker.getName()).startsWith("t1-work-");
        assertThat(worker.isDaemon()).isTrue();
        assertThat(timer.getName()).isEqualTo("t1-timer");
        assertThat(second.work()).isSameAs(first.work());

        first.close();
        first.close(); // a second close is ignored
        assertThat(executors.activeLeases()).isEqualTo(1);
        assertThat(((ThreadPoolExecutor) second.work()).isShutdown()).isFalse();
        second.close();
        assertThat(executors.activeLeases()).isZero();
        assertThat(((ThreadPoolExecutor) second.work()).isShutdown()).isTrue();
        assertThat(second.timer().isShutdown()).isTrue();

        try (IotExecutors.Lease again = executors.acquire()) {
            assertThat(again.work()).isNotSameAs(second.work());
            assertThat(CompletableFuture.supplyAsync(() -> 42, again.work()).get(10, TimeUnit.SECONDS))
                    .isEqualTo(42);
        }
    }

    @Test
    void theWorkQueueIsBounded() throws Exception {
        IotExecutors executors =
                IotExecutors.builder().name("t2").workThreads(1).workQueue(2).build();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        try (IotExecutors.Lease lease = executors.acquire()) {
            lease.work().execute(() -> {
                started.countDown();
                awaitQuietly(release);
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            lease.work().execute(() -> {});
            lease.work().execute(() -> {});
            assertThatThrownBy(() -> lease.work().execute(() -> {})).isInstanceOf(RejectedExecutionException.class);
            release.countDown();
        }
    }

    @Test
    void aSerialExecutorKeepsOrderAndItsBound() throws Exception {
        IotExecutors executors =
                IotExecutors.builder().name("t3").workThreads(4).build();
        List<Integer> seen = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(200);
        try (IotExecutors.Lease lease = executors.acquire()) {
            var serial = lease.serial(1000);
            IntStream.range(0, 200)
                    .forEach(i -> serial.execute(() -> {
                        seen.add(i);
                        done.countDown();
                    }));
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(seen)
                    .containsExactlyElementsOf(IntStream.range(0, 200).boxed().toList());

            CountDownLatch release = new CountDownLatch(1);
            var bounded = lease.serial(1);
            CountDownLatch started = new CountDownLatch(1);
            bounded.execute(() -> {
                started.countDown();
                awaitQuietly(release);
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            bounded.execute(() -> {});
            assertThatThrownBy(() -> bounded.execute(() -> {})).isInstanceOf(RejectedExecutionException.class);
            release.countDown();
        }
    }

    @Test
    void aFailingSerialTaskDoesNotStopTheOnesAfterIt() throws Exception {
        IotExecutors executors =
                IotExecutors.builder().name("t4").workThreads(1).build();
        try (IotExecutors.Lease lease = executors.acquire()) {
            var serial = lease.serial(10);
            CompletableFuture<String> after = new CompletableFuture<>();
            serial.execute(() -> {
                throw new IllegalStateException("expected by the test");
            });
            serial.execute(() -> after.complete("ran"));
            assertThat(after.get(10, TimeUnit.SECONDS)).isEqualTo("ran");
        }
    }

    @Test
    void executorsOwnedByTheCallerAreNeverShutDown() {
        var work = Executors.newFixedThreadPool(1);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            IotExecutors executors = IotExecutors.of(work, timer);
            executors.acquire().close();
            assertThat(work.isShutdown()).isFalse();
            assertThat(timer.isShutdown()).isFalse();
            assertThat(executors.acquire().work()).isSameAs(work);
        } finally {
            work.shutdownNow();
            timer.shutdownNow();
        }
    }

    @Test
    void theBuilderRefusesNonsense() {
        assertThatThrownBy(() -> IotExecutors.builder().workThreads(0)).hasMessageContaining("workThreads");
        assertThatThrownBy(() -> IotExecutors.builder().workQueue(0)).hasMessageContaining("workQueue");
        assertThatThrownBy(() -> IotExecutors.builder().name(" ")).hasMessageContaining("blank");
        assertThat(IotExecutors.shared()).isSameAs(IotExecutors.shared());
        assertThat(IotExecutors.shared().workThreads()).isEqualTo(IotExecutors.DEFAULT_WORK_THREADS);
        assertThat(IotExecutors.shared().workQueue()).isEqualTo(IotExecutors.DEFAULT_WORK_QUEUE);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

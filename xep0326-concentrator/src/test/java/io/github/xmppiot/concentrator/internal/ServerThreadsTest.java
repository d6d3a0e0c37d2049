package io.github.xmppiot.concentrator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.concurrent.IotExecutors;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The concentrator server's lease: taken once, swapped when the settings name other executors, given back once. */
class ServerThreadsTest {

    private static String threadOf(Executor executor) throws Exception {
        return CompletableFuture.supplyAsync(() -> Thread.currentThread().getName(), executor)
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void followsTheExecutorsOfTheSettingsAndGivesEveryLeaseBack() throws Exception {
        IotExecutors first = IotExecutors.builder().name("threads-a").build();
        IotExecutors second = IotExecutors.builder().name("threads-b").build();
        ServerThreads threads = new ServerThreads(first, 4);
        Executor work = threads.work();
        assertThat(first.activeLeases()).isEqualTo(1);
        assertThat(threadOf(work)).startsWith("threads-a-work-");
        assertThat(threadOf(threads.events())).startsWith("threads-a-work-");

        Executor events = threads.events();
        threads.use(first, 4);
        assertThat(threads.events()).as("same settings, same executors").isSameAs(events);
        assertThat(first.activeLeases()).isEqualTo(1);
        threads.use(first, 8);
        assertThat(threads.events()).as("a new bound, a new serial executor").isNotSameAs(events);
        assertThat(first.activeLeases()).isEqualTo(1);

        threads.use(second, 8);
        assertThat(first.activeLeases()).isZero();
        assertThat(second.activeLeases()).isEqualTo(1);
        assertThat(threadOf(work)).as("the view given out earlier follows").startsWith("threads-b-work-");
        CompletableFuture<String> later = new CompletableFuture<>();
        threads.later().run(() -> later.complete(Thread.currentThread().getName()), Duration.ofMillis(1));
        assertThat(later.get(10, TimeUnit.SECONDS)).startsWith("threads-b-work-");

        threads.close();
        threads.close();
        assertThat(second.activeLeases()).isZero();
        threads.use(first, 8);
        assertThat(first.activeLeases()).as("closed: no new lease").isZero();
        assertThatThrownBy(() -> work.execute(() -> {})).isInstanceOf(RejectedExecutionException.class);
    }
}

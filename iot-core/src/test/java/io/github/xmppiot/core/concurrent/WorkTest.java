package io.github.xmppiot.core.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** {@link Work}: a refused task is a failed future, every other outcome passes unchanged. */
class WorkTest {

    private static final Executor REFUSING = task -> {
        throw new RejectedExecutionException("queue full");
    };

    @Test
    void aTaskTheExecutorRefusesIsAFailedFutureNotAThrow() {
        AtomicBoolean ran = new AtomicBoolean();
        CompletableFuture<String> f = Work.supply(REFUSING, () -> {
            ran.set(true);
            return "never";
        });
        assertThat(f).isCompletedExceptionally();
        assertThatThrownBy(f::join)
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(RejectedExecutionException.class)
                .hasMessage("queue full");
        assertThat(ran).isFalse();
        assertThat(Work.refused(f.handle((v, e) -> e).join())).isTrue();

        CompletableFuture<Void> r = Work.run(REFUSING, () -> ran.set(true));
        assertThatThrownBy(r::get)
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(RejectedExecutionException.class);
        assertThat(ran).isFalse();
    }

    @Test
    void resultsAndOtherFailuresPassUnchanged() {
        assertThat(Work.supply(Runnable::run, () -> "done").join()).isEqualTo("done");
        AtomicBoolean ran = new AtomicBoolean();
        assertThat(Work.run(Runnable::run, () -> ran.set(true)).join()).isNull();
        assertThat(ran).isTrue();

        IllegalStateException bug = new IllegalStateException("bug");
        CompletableFuture<String> unchecked = Work.supply(Runnable::run, () -> {
            throw bug;
        });
        assertThatThrownBy(unchecked::join).cause().isSameAs(bug);
        assertThat(Work.refused(unchecked.handle((v, e) -> e).join())).isFalse();

        IOException io = new IOException("disk");
        CompletableFuture<String> checked = Work.supply(Runnable::run, () -> {
            throw io;
        });
        assertThatThrownBy(checked::join)
                .isInstanceOf(CompletionException.class)
                .cause()
                .isSameAs(io);
        assertThat(Work.refused(checked.handle((v, e) -> e).join())).isFalse();
    }

    @Test
    void aRefusalInsideAFutureChainIsRecognisedThroughItsWrappers() {
        CompletableFuture<String> chain = CompletableFuture.completedFuture("x")
                .thenCompose(x -> Work.supply(REFUSING, () -> x))
                .thenApply(String::toUpperCase);
        Throwable failure = chain.handle((v, e) -> e).join();
        assertThat(failure).isInstanceOf(CompletionException.class);
        assertThat(Work.refused(failure)).isTrue();
        assertThat(Work.refused(new ExecutionException(new CompletionException(new RejectedExecutionException()))))
                .isTrue();
        assertThat(Work.refused(new CompletionException(new IllegalStateException())))
                .isFalse();
        assertThat(Work.refused(new CompletionException(null))).isFalse();
        assertThat(Work.refused(null)).isFalse();
    }

    @Test
    void aFullIotExecutorsPoolRefusesWithAMessageNamingTheLimit() throws Exception {
        IotExecutors pool =
                IotExecutors.builder().name("tiny").workThreads(1).workQueue(1).build();
        IotExecutors.Lease lease = pool.acquire();
        CompletableFuture<Void> gate = new CompletableFuture<>();
        try {
            lease.work().execute(gate::join); // occupies the only thread
            lease.work().execute(() -> {}); // fills the queue
            CompletableFuture<Void> refused = Work.run(lease.work(), () -> {});
            assertThatThrownBy(refused::join)
                    .cause()
                    .isInstanceOf(RejectedExecutionException.class)
                    .hasMessage("the tiny work pool has 1 tasks waiting, its limit");
        } finally {
            gate.complete(null);
            lease.close();
        }
        assertThatThrownBy(() -> lease.work().execute(() -> {}))
                .isInstanceOf(RejectedExecutionException.class)
                .hasMessage("the tiny work pool is shut down");
    }
}

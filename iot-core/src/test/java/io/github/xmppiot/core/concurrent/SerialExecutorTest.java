package io.github.xmppiot.core.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/**
 * A serial executor runs its tasks one after the other, in order, on a delegate, and holds a bounded number waiting.
 * The delegate here is a queue the test drains itself, so every interleaving is explicit.
 */
class SerialExecutorTest {

    /** An executor whose tasks run when the test says so. */
    private static final class ManualExecutor implements Executor {
        final Queue<Runnable> queued = new ArrayDeque<>();
        boolean reject;

        @Override
        public void execute(Runnable command) {
            if (reject) {
                throw new RejectedExecutionException("delegate shut down");
            }
            queued.add(command);
        }

        void runAll() {
            Runnable r;
            while ((r = queued.poll()) != null) {
                r.run();
            }
        }
    }

    @Test
    void tasksRunInOrderThroughOneDelegateTask() {
        ManualExecutor delegate = new ManualExecutor();
        SerialExecutor serial = new SerialExecutor(delegate, 10);
        List<Integer> ran = new ArrayList<>();
        serial.execute(() -> ran.add(1));
        serial.execute(() -> ran.add(2));
        serial.execute(() -> ran.add(3));
        assertThat(delegate.queued).hasSize(1);
        assertThat(ran).isEmpty();
        delegate.runAll();
        assertThat(ran).containsExactly(1, 2, 3);
        serial.execute(() -> ran.add(4));
        assertThat(delegate.queued).hasSize(1);
        delegate.runAll();
        assertThat(ran).containsExactly(1, 2, 3, 4);
    }

    @Test
    void theBoundCountsTheTasksWaiting() {
        ManualExecutor delegate = new ManualExecutor();
        SerialExecutor serial = new SerialExecutor(delegate, 2);
        List<Integer> ran = new ArrayList<>();
        serial.execute(() -> ran.add(1));
        serial.execute(() -> ran.add(2));
        assertThatThrownBy(() -> serial.execute(() -> ran.add(3)))
                .isInstanceOf(RejectedExecutionException.class)
                .hasMessage("more than 2 tasks waiting");
        delegate.runAll();
        assertThat(ran).containsExactly(1, 2);
        serial.execute(() -> ran.add(3));
        delegate.runAll();
        assertThat(ran).containsExactly(1, 2, 3);
    }

    @Test
    void aFailingTaskDoesNotStopTheNext() {
        ManualExecutor delegate = new ManualExecutor();
        SerialExecutor serial = new SerialExecutor(delegate, 10);
        List<Throwable> uncaught = new ArrayList<>();
        Thread t = Thread.currentThread();
        Thread.UncaughtExceptionHandler before = t.getUncaughtExceptionHandler();
        t.setUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
        try {
            List<String> ran = new ArrayList<>();
            serial.execute(() -> {
                throw new IllegalStateException("task bug");
            });
            serial.execute(() -> ran.add("next"));
            delegate.runAll();
            assertThat(ran).containsExactly("next");
            assertThat(uncaught).singleElement().satisfies(e -> assertThat(e).hasMessage("task bug"));
        } finally {
            t.setUncaughtExceptionHandler(before);
        }
    }

    @Test
    void aRejectingDelegateLeavesNothingBehind() {
        ManualExecutor delegate = new ManualExecutor();
        SerialExecutor serial = new SerialExecutor(delegate, 1);
        delegate.reject = true;
        assertThatThrownBy(() -> serial.execute(() -> {})).isInstanceOf(RejectedExecutionException.class);
        delegate.reject = false;
        List<String> ran = new ArrayList<>();
        serial.execute(() -> ran.add("after"));
        assertThat(delegate.queued).hasSize(1);
        delegate.runAll();
        assertThat(ran).containsExactly("after");
    }

    @Test
    void theBoundIsAtLeastOne() {
        assertThatThrownBy(() -> new SerialExecutor(new ManualExecutor(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bound must be at least 1, was 0");
        assertThatThrownBy(() -> new SerialExecutor(null, 1)).hasMessage("delegate");
        assertThatThrownBy(() -> new SerialExecutor(new ManualExecutor(), 1).execute(null))
                .hasMessage("task");
    }
}

package io.github.xmppiot.discovery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.iq.IotErrorException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;

/** The bounds on concurrent registry searches: in parallel, waiting, and per requester. */
class SearchGateTest {

    /** Runs nothing until told: the test decides when a worker thread would pick a task up. */
    private static final class StepExecutor implements java.util.concurrent.Executor {
        final ArrayDeque<Runnable> pending = new ArrayDeque<>();
        boolean reject;

        @Override
        public void execute(Runnable r) {
            if (reject) {
                throw new RejectedExecutionException("full");
            }
            pending.add(r);
        }

        void runOne() {
            pending.poll().run();
        }
    }

    @Test
    void tasksBeyondTheParallelLimitWaitAndRunOnTheSameWorker() {
        StepExecutor work = new StepExecutor();
        SearchGate gate = new SearchGate(work, 1, 2, 5);
        List<String> ran = new ArrayList<>();
        gate.execute(() -> ran.add("a"));
        gate.execute(() -> ran.add("b"));
        gate.execute(() -> ran.add("c"));
        assertThat(work.pending).hasSize(1);
        assertThatThrownBy(() -> gate.execute(() -> ran.add("d")))
                .isInstanceOf(RejectedExecutionException.class)
                .hasMessage("more than 2 searches waiting");
        work.runOne();
        assertThat(ran).containsExactly("a", "b", "c");
        gate.execute(() -> ran.add("e"));
        assertThat(work.pending).hasSize(1);
        work.runOne();
        assertThat(ran).containsExactly("a", "b", "c", "e");
    }

    @Test
    void twoParallelSlotsHandTwoTasksToTheExecutor() {
        StepExecutor work = new StepExecutor();
        SearchGate gate = new SearchGate(work, 2, 0, 5);
        List<String> ran = new ArrayList<>();
        gate.execute(() -> ran.add("a"));
        gate.execute(() -> ran.add("b"));
        assertThat(work.pending).hasSize(2);
        assertThatThrownBy(() -> gate.execute(() -> ran.add("c"))).isInstanceOf(RejectedExecutionException.class);
        work.runOne();
        gate.execute(() -> ran.add("c"));
        assertThat(work.pending).hasSize(2);
    }

    @Test
    void aFailingTaskDoesNotStopTheQueueBehindIt() {
        StepExecutor work = new StepExecutor();
        SearchGate gate = new SearchGate(work, 1, 1, 5);
        List<Throwable> reported = new ArrayList<>();
        List<String> ran = new ArrayList<>();
        Thread t = Thread.currentThread();
        Thread.UncaughtExceptionHandler before = t.getUncaughtExceptionHandler();
        t.setUncaughtExceptionHandler((th, e) -> reported.add(e));
        try {
            gate.execute(() -> {
                throw new IllegalStateException("boom");
            });
            gate.execute(() -> ran.add("next"));
            work.runOne();
        } finally {
            t.setUncaughtExceptionHandler(before);
        }
        assertThat(reported).singleElement().extracting(Throwable::getMessage).isEqualTo("boom");
        assertThat(ran).containsExactly("next");
    }

    @Test
    void aRejectingExecutorGivesTheSlotBack() {
        StepExecutor work = new StepExecutor();
        SearchGate gate = new SearchGate(work, 1, 0, 5);
        work.reject = true;
        assertThatThrownBy(() -> gate.execute(() -> {})).isInstanceOf(RejectedExecutionException.class);
        work.reject = false;
        gate.execute(() -> {});
        assertThat(work.pending).hasSize(1);
    }

    @Test
    void aNullTaskIsRefused() {
        SearchGate gate = new SearchGate(new StepExecutor(), 1, 0, 1);
        assertThatThrownBy(() -> gate.execute(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SearchGate(null, 1, 0, 1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void eachRequesterHasItsOwnLimitUntilItReleases() throws Exception {
        SearchGate gate = new SearchGate(new StepExecutor(), 1, 0, 2);
        BareJid alice = JidCreate.bareFrom("alice@example.org");
        BareJid bob = JidCreate.bareFrom("bob@example.org");
        gate.acquire(alice);
        gate.acquire(alice);
        assertThatThrownBy(() -> gate.acquire(alice))
                .isInstanceOfSatisfying(
                        IotErrorException.class,
                        e -> assertThat(e.condition()).isEqualTo(StanzaError.Condition.resource_constraint))
                .hasMessageContaining("alice@example.org already has 2 searches in progress");
        gate.acquire(bob);
        gate.release(alice);
        gate.acquire(alice);
        assertThatThrownBy(() -> gate.acquire(alice)).isInstanceOf(IotErrorException.class);
        gate.release(alice);
        gate.release(alice);
        gate.release(alice);
        gate.acquire(alice);
        gate.acquire(alice);
        assertThatThrownBy(() -> gate.acquire(alice)).isInstanceOf(IotErrorException.class);
    }
}

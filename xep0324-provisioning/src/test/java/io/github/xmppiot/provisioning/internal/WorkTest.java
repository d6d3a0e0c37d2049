package io.github.xmppiot.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.iq.IotErrorException;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.Test;

/** Request work on the bounded pool: results, failures passed on unchanged, refused work as resource-constraint. */
class WorkTest {

    @Test
    void aCheckedExceptionFailsTheStageWithItAsCause() {
        IOException disk = new IOException("disk");
        CompletableFuture<String> f = Work.supply(Runnable::run, () -> {
            throw disk;
        });
        assertThatThrownBy(f::join)
                .isInstanceOf(CompletionException.class)
                .cause()
                .isSameAs(disk);
    }

    @Test
    void aRuntimeExceptionFailsTheStageUnchanged() {
        IllegalStateException bad = new IllegalStateException("bad");
        CompletableFuture<String> f = Work.supply(Runnable::run, () -> {
            throw bad;
        });
        assertThatThrownBy(f::join)
                .isInstanceOf(CompletionException.class)
                .cause()
                .isSameAs(bad);
    }

    @Test
    void otherFailuresPassUnchangedAndResultsStay() {
        IllegalArgumentException other = new IllegalArgumentException("other");
        assertThatThrownBy(Work.busyAsResourceConstraint(CompletableFuture.failedFuture(other))::join)
                .isInstanceOf(CompletionException.class)
                .cause()
                .isSameAs(other);
        CompletionException wrapped = new CompletionException(other);
        assertThatThrownBy(Work.busyAsResourceConstraint(CompletableFuture.failedFuture(wrapped))::join)
                .isSameAs(wrapped);
        assertThat(Work.busyAsResourceConstraint(CompletableFuture.completedFuture(7))
                        .join())
                .isEqualTo(7);
    }

    @Test
    void aRefusalAnywhereInTheStageIsResourceConstraint() {
        CompletableFuture<Integer> f = Work.busyAsResourceConstraint(
                CompletableFuture.failedFuture(new RejectedExecutionException("queue full")));
        assertThatThrownBy(f::join)
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOfSatisfying(IotErrorException.class, e -> {
                    assertThat(e.condition()).isEqualTo(StanzaError.Condition.resource_constraint);
                    assertThat(e.getMessage()).contains("try again");
                });
        assertThat(Work.busy().type()).isEqualTo(StanzaError.Type.WAIT);
    }
}

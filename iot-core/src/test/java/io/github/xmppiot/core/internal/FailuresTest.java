package io.github.xmppiot.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** {@link Failures#unwrap} peels exactly the wrappers that futures add. */
class FailuresTest {

    @Test
    void unwrapsNestedCompletionAndExecutionExceptions() {
        TimeoutException root = new TimeoutException("late");
        Throwable wrapped = new ExecutionException(new CompletionException(new CompletionException(root)));
        assertThat(Failures.unwrap(wrapped)).isSameAs(root);
    }

    @Test
    void unwrapsWhatADependentStageAndGetReport() {
        IllegalStateException root = new IllegalStateException("broken");
        CompletableFuture<Object> dependent =
                CompletableFuture.failedFuture(root).thenApply(x -> x);
        Throwable[] seen = new Throwable[1];
        dependent.whenComplete((r, e) -> seen[0] = e);
        assertThat(seen[0]).isInstanceOf(CompletionException.class);
        assertThat(Failures.unwrap(seen[0])).isSameAs(root);
        assertThatThrownBy(dependent::get)
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(Failures.unwrap(e)).isSameAs(root));
    }

    @Test
    void keepsOtherFailuresAndWrappersWithoutACause() {
        IllegalArgumentException plain = new IllegalArgumentException("x", new CompletionException("inner", null));
        assertThat(Failures.unwrap(plain)).isSameAs(plain);
        CompletionException empty = new CompletionException("no cause", null);
        assertThat(Failures.unwrap(empty)).isSameAs(empty);
    }
}

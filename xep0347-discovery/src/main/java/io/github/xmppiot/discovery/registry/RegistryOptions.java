package io.github.xmppiot.discovery.registry;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and timeouts of a Thing Registry (XEP-0347 §3.15 "the registry can lower maxCount", §6.6 "Tag name spam",
 * §3.17 disown acknowledgement).
 *
 * @param maxPageSize     largest number of things in one search answer; also used when a search gives no
 *                        {@code maxCount}
 * @param maxTagsPerThing largest number of tags one record may hold; more is refused with {@code bad-request}
 * @param thingTimeout    how long the registry waits for a Thing to acknowledge {@code disowned}
 * @param answerTimeout   longest time before any request is answered ({@code internal-server-error} after it)
 * @since 0.1.0
 */
public record RegistryOptions(int maxPageSize, int maxTagsPerThing, Duration thingTimeout, Duration answerTimeout) {

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException if a limit is not positive
     */
    public RegistryOptions {
        if (maxPageSize < 1 || maxTagsPerThing < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        Objects.requireNonNull(thingTimeout, "thingTimeout");
        Objects.requireNonNull(answerTimeout, "answerTimeout");
    }

    /**
     * The defaults: pages of at most 100 things, at most 50 tags per Thing, 10 s for a Thing's acknowledgement and
     * 30 s for any answer.
     *
     * @return the defaults
     */
    public static RegistryOptions defaults() {
        return new RegistryOptions(100, 50, Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    /**
     * A copy with another page size.
     *
     * @param size the largest number of things per answer
     * @return the options
     */
    public RegistryOptions withMaxPageSize(int size) {
        return new RegistryOptions(size, maxTagsPerThing, thingTimeout, answerTimeout);
    }

    /**
     * A copy with another acknowledgement timeout.
     *
     * @param timeout how long to wait for a Thing
     * @return the options
     */
    public RegistryOptions withThingTimeout(Duration timeout) {
        return new RegistryOptions(maxPageSize, maxTagsPerThing, timeout, answerTimeout);
    }
}

package io.github.xmppiot.testkit;

import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jivesoftware.smack.packet.Stanza;

/**
 * The provider fuzz properties every XEP module runs (docs/CONVENTIONS.md, "Field life"): each provider of the
 * module, fed mutations of the module's XEP examples ({@link StanzaFuzz}: dropped attributes, wrong types, unknown
 * children, deep nesting, huge values), either parses the stanza or fails with a parse exception, which a connection
 * drops without losing its stream; nothing else escapes. A module's {@code ProviderFuzzProperties} extends this class
 * and registers its providers:
 *
 * <pre>{@code
 * class ProviderFuzzProperties extends ProviderFuzzContract {
 *     ProviderFuzzProperties() {
 *         super(SensorDataProviders::register);
 *     }
 * }
 * }</pre>
 *
 * <p>Needs jqwik (an optional dependency of the test kit) on the test class path.
 *
 * @since 0.1.0
 */
public abstract class ProviderFuzzContract {

    /** Largest mutation target index generated (elements and attributes are chosen modulo their number). */
    public static final int MAX_TARGET = 400;

    /** Largest mutation size generated (nesting depth, value length or wrong-value index; clamped by StanzaFuzz). */
    public static final int MAX_SIZE = 30_000;

    private final List<StanzaFuzz.Sample> samples;

    /**
     * Registers the module's providers and loads the payloads of its examples ({@link XepExamples#folder()}).
     *
     * @param registerProviders registers the module's providers with Smack's {@code ProviderManager}
     */
    protected ProviderFuzzContract(Runnable registerProviders) {
        Objects.requireNonNull(registerProviders, "registerProviders").run();
        samples = StanzaFuzz.samplesIn(XepExamples.folder());
        if (samples.isEmpty()) {
            throw new IllegalStateException("no example payloads in " + XepExamples.folder());
        }
    }

    /**
     * The payloads of the module's examples.
     *
     * @return one of the samples
     */
    @Provide
    public Arbitrary<StanzaFuzz.Sample> samples() {
        return Arbitraries.of(samples);
    }

    /**
     * Mutations of every kind, with targets up to {@link #MAX_TARGET} and sizes up to {@link #MAX_SIZE}.
     *
     * @return a mutation
     */
    @Provide
    public Arbitrary<StanzaFuzz.Mutation> mutations() {
        return Combinators.combine(
                        Arbitraries.of(StanzaFuzz.Kind.class),
                        Arbitraries.integers().between(0, MAX_TARGET),
                        Arbitraries.integers().between(0, MAX_SIZE))
                .as(StanzaFuzz.Mutation::new);
    }

    /**
     * A mutated example either parses (keeping its stanza id) or fails with a parse exception.
     *
     * @param sample   the example payload
     * @param mutation the mutation applied to it
     */
    @Property(tries = 400)
    public void providersParseOrFailWithAParseException(
            @ForAll("samples") StanzaFuzz.Sample sample, @ForAll("mutations") StanzaFuzz.Mutation mutation) {
        String xml = StanzaFuzz.stanza(sample, StanzaFuzz.mutate(sample.payload(), mutation));
        StanzaFuzz.parseAsReceived(xml).ifPresent(ProviderFuzzContract::keptItsId);
    }

    /**
     * An unmutated example parses, or (a few XEP examples are invalid for their own XEP; the modules keep corrected
     * copies) fails with a parse exception.
     *
     * @param sample the example payload
     */
    @Property(tries = 50)
    public void theUnmutatedExamplesParseOrAreDropped(@ForAll("samples") StanzaFuzz.Sample sample) {
        StanzaFuzz.parseAsReceived(StanzaFuzz.stanza(sample, sample.payload()))
                .ifPresent(ProviderFuzzContract::keptItsId);
    }

    private static void keptItsId(Stanza parsed) {
        if (!"fuzz-1".equals(parsed.getStanzaId())) {
            throw new AssertionError("parsed stanza has id " + parsed.getStanzaId() + ", expected fuzz-1: " + parsed);
        }
    }
}

package io.github.xmppiot.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.core.field.FieldCategory;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotBlank;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/** The text forms of the persistent decision cache: keys that ignore order and resource, decisions that round-trip. */
class CacheCodecTest {

    private static Jid jid(String s) {
        return JidCreate.fromOrThrowUnchecked(s);
    }

    @Test
    void keyIsTheDocumentedCanonicalForm() {
        AccessRequest r = AccessRequest.read(
                jid("alice@example.org/phone"),
                new Tokens(List.of("s2", "s1"), List.of("d1"), List.of("u1")),
                List.of(NodeRef.of("n2", "src", "ct"), NodeRef.of("n1")),
                Set.of("temp"),
                Set.of(FieldCategory.MOMENTARY));
        assertThat(CacheCodec.key(r))
                .isEqualTo("READ|alice%40example.org|s1,s2|d1|u1|n1%3A%3A,n2%3Asrc%3Act|temp|"
                        + FieldCategory.MOMENTARY.name());
    }

    @Test
    void keyIgnoresOrderAndResourceButNotKindOrContent() {
        AccessRequest a = AccessRequest.read(
                jid("alice@example.org/a"),
                new Tokens(List.of("x", "y"), List.of(), List.of()),
                List.of(NodeRef.of("n1"), NodeRef.of("n2")),
                Set.of("a", "b"),
                Set.of());
        AccessRequest b = AccessRequest.read(
                jid("alice@example.org/b"),
                new Tokens(List.of("y", "x"), List.of(), List.of()),
                List.of(NodeRef.of("n2"), NodeRef.of("n1")),
                Set.of("b", "a"),
                Set.of());
        assertThat(CacheCodec.key(a)).isEqualTo(CacheCodec.key(b));
        AccessRequest control = AccessRequest.control(
                jid("alice@example.org/a"),
                new Tokens(List.of("x", "y"), List.of(), List.of()),
                List.of(NodeRef.of("n1"), NodeRef.of("n2")),
                Set.of("a", "b"));
        assertThat(CacheCodec.key(control)).isNotEqualTo(CacheCodec.key(a));
        AccessRequest deviceToken = AccessRequest.read(
                jid("alice@example.org/a"),
                new Tokens(List.of("y"), List.of("x"), List.of()),
                List.of(NodeRef.of("n1"), NodeRef.of("n2")),
                Set.of("a", "b"),
                Set.of());
        assertThat(CacheCodec.key(deviceToken)).isNotEqualTo(CacheCodec.key(a));
        AccessRequest userToken = AccessRequest.read(
                jid("alice@example.org/a"),
                new Tokens(List.of("y"), List.of(), List.of("x")),
                List.of(NodeRef.of("n1"), NodeRef.of("n2")),
                Set.of("a", "b"),
                Set.of());
        assertThat(CacheCodec.key(userToken)).isNotEqualTo(CacheCodec.key(deviceToken));
    }

    @Test
    void keyEscapesTheSeparators() {
        AccessRequest commas =
                AccessRequest.control(jid("bob@example.org"), Tokens.NONE, List.of(NodeRef.of("a,b")), Set.of("x|y"));
        AccessRequest split = AccessRequest.control(
                jid("bob@example.org"), Tokens.NONE, List.of(NodeRef.of("a"), NodeRef.of("b")), Set.of("x|y"));
        assertThat(CacheCodec.key(commas)).isNotEqualTo(CacheCodec.key(split));
        assertThat(CacheCodec.key(commas).split("\\|", -1)).hasSize(8);
    }

    @Test
    void simpleDecisionsHaveOneLetter() {
        assertThat(CacheCodec.encode(AccessDecision.deny())).isEqualTo("D");
        assertThat(CacheCodec.encode(AccessDecision.allowAll())).isEqualTo("A");
        assertThat(CacheCodec.encode(AccessDecision.allowOnly(List.of(), Set.of())))
                .isEqualTo("A");
        assertThat(CacheCodec.decode("D")).isEqualTo(AccessDecision.deny());
        assertThat(CacheCodec.decode("A")).isEqualTo(AccessDecision.allowAll());
    }

    @Test
    void narrowedDecisionRoundTripsWithSourceAndCacheType() {
        AccessDecision d = AccessDecision.allowOnly(
                List.of(NodeRef.of("n:1", "s,1", "c;1"), NodeRef.of("plain")), Set.of("t%1", "u"));
        String text = CacheCodec.encode(d);
        assertThat(text).startsWith("O;");
        AccessDecision back = CacheCodec.decode(text);
        assertThat(back.allowed()).isTrue();
        assertThat(back.nodes()).containsExactly(NodeRef.of("n:1", "s,1", "c;1"), NodeRef.of("plain"));
        assertThat(back.names()).containsExactlyInAnyOrder("t%1", "u");
        assertThat(CacheCodec.decode(CacheCodec.encode(AccessDecision.allowOnly(List.of(), Set.of("only")))))
                .isEqualTo(AccessDecision.allowOnly(List.of(), Set.of("only")));
        assertThat(CacheCodec.decode(CacheCodec.encode(AccessDecision.allowOnly(List.of(NodeRef.of("n")), Set.of()))))
                .isEqualTo(AccessDecision.allowOnly(List.of(NodeRef.of("n")), Set.of()));
    }

    @Test
    void anEmptyNameIsNotNoName() {
        AccessDecision onlyEmpty = AccessDecision.allowOnly(List.of(), Set.of(""));
        assertThat(CacheCodec.decode(CacheCodec.encode(onlyEmpty))).isEqualTo(onlyEmpty);
        AccessDecision noName = AccessDecision.allowOnly(List.of(NodeRef.of("n")), Set.of());
        assertThat(CacheCodec.decode(CacheCodec.encode(noName))).isEqualTo(noName);
        assertThat(CacheCodec.decode("O;n::;"))
                .as("what earlier releases stored")
                .isEqualTo(noName);
        AccessRequest all = AccessRequest.read(jid("a@example.org/x"), Tokens.NONE, List.of(), Set.of(), Set.of());
        AccessRequest empty = AccessRequest.read(jid("a@example.org/x"), Tokens.NONE, List.of(), Set.of(""), Set.of());
        assertThat(CacheCodec.key(empty)).isNotEqualTo(CacheCodec.key(all));
    }

    @Test
    void decodeRefusesWhatIsNotADecision() {
        for (String bad : List.of("X", "O;a", "O;a;b;c", "Q;a;b", "")) {
            assertThatThrownBy(() -> CacheCodec.decode(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a decision");
        }
    }

    /** Names may be empty strings too: a decision naming only "" is not one naming nothing (all names). */
    @Property(tries = 200)
    void everyNarrowedDecisionRoundTrips(
            @ForAll @Size(max = 4) List<@NotBlank String> nodeIds, @ForAll @Size(max = 4) Set<String> names) {
        AccessDecision d =
                AccessDecision.allowOnly(nodeIds.stream().map(NodeRef::of).toList(), names);
        assertThat(CacheCodec.decode(CacheCodec.encode(d))).isEqualTo(d);
    }
}

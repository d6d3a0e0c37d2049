package io.github.xmppiot.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.access.AccessDecision;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The merge of several servers' answers is the most forgiving one (§5.3); decisions survive the cache codec. */
class DecisionsProperties {

    @Property(tries = 300)
    void mergeAllowsEverythingAnyServerAllows(
            @ForAll("decisionLists") List<AccessDecision> decisions,
            @ForAll("node") NodeRef node,
            @ForAll("name") String name) {
        AccessDecision merged = Decisions.mostForgiving(decisions);
        for (AccessDecision d : decisions) {
            if (d.allowsNode(node) && d.allowsName(name)) {
                assertThat(merged.allowsNode(node) && merged.allowsName(name)).isTrue();
            }
        }
        assertThat(merged.allowed()).isEqualTo(decisions.stream().anyMatch(AccessDecision::allowed));
    }

    @Property(tries = 300)
    void codecRoundTrips(@ForAll("decision") AccessDecision d) {
        assertThat(CacheCodec.decode(CacheCodec.encode(d))).isEqualTo(d);
    }

    @Provide
    Arbitrary<NodeRef> node() {
        Arbitrary<String> id = Arbitraries.of("n1", "n2", "n3", "a:b,c;d%");
        return Combinators.combine(id, Arbitraries.of("s1", "s2").injectNull(0.5))
                .as(NodeRef::of);
    }

    @Provide
    Arbitrary<String> name() {
        return Arbitraries.of("f1", "f2", "f3", "x,y;z:%");
    }

    @Provide
    Arbitrary<AccessDecision> decision() {
        return Arbitraries.oneOf(
                Arbitraries.just(AccessDecision.deny()),
                Arbitraries.just(AccessDecision.allowAll()),
                Combinators.combine(node().list().ofMaxSize(3), name().set().ofMaxSize(3))
                        .as((n, f) -> AccessDecision.allowOnly(n, Set.copyOf(f))));
    }

    @Provide
    Arbitrary<List<AccessDecision>> decisionLists() {
        return decision().list().ofMinSize(1).ofMaxSize(4);
    }
}

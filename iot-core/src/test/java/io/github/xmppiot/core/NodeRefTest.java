package io.github.xmppiot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Node references (XEP-0323 §3.5, XEP-0326): absent attributes of a request reference match anything. */
class NodeRefTest {

    @Test
    void aNodeIdIsRequired() {
        assertThatThrownBy(() -> NodeRef.of(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NodeRef.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NodeRef.of("  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nodeId is required and must not be blank");
    }

    @Test
    void emptyAttributesAreAbsent() {
        NodeRef r = NodeRef.of("n", "", "");
        assertThat(r.sourceId()).isNull();
        assertThat(r.cacheType()).isNull();
        assertThat(r).isEqualTo(NodeRef.of("n"));
        assertThat(NodeRef.of("n", "s").sourceId()).isEqualTo("s");
        assertThat(NodeRef.of("n", "s").cacheType()).isNull();
        assertThat(NodeRef.of("n", "s", "c").cacheType()).isEqualTo("c");
    }

    @Test
    void aReferenceByIdMatchesThatIdInEverySource() {
        NodeRef byId = NodeRef.of("n");
        assertThat(byId.matches(NodeRef.of("n", "s1", "c1"))).isTrue();
        assertThat(byId.matches(NodeRef.of("n"))).isTrue();
        assertThat(byId.matches(NodeRef.of("m", "s1", "c1"))).isFalse();
    }

    @Test
    void aQualifiedReferenceMatchesOnlyItsSourceAndCacheType() {
        NodeRef full = NodeRef.of("n", "s", "c");
        assertThat(full.matches(NodeRef.of("n", "s", "c"))).isTrue();
        assertThat(full.matches(NodeRef.of("n", "t", "c"))).isFalse();
        assertThat(full.matches(NodeRef.of("n", "s", "d"))).isFalse();
        assertThat(full.matches(NodeRef.of("n"))).isFalse();
        NodeRef bySource = NodeRef.of("n", "s");
        assertThat(bySource.matches(NodeRef.of("n", "s", "any"))).isTrue();
        assertThat(bySource.matches(NodeRef.of("n", "t", "any"))).isFalse();
        assertThatThrownBy(() -> full.matches(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void toStringNamesTheTriple() {
        assertThat(NodeRef.of("n")).hasToString("n");
        assertThat(NodeRef.of("n", "s")).hasToString("n@s");
        assertThat(NodeRef.of("n", null, "c")).hasToString("n#c");
        assertThat(NodeRef.of("n", "s", "c")).hasToString("n@s#c");
    }
}

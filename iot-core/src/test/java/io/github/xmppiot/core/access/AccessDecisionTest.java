package io.github.xmppiot.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.NodeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** XEP-0324 §3.3/§3.4: a decision denies, allows as asked, or narrows to some nodes and names. */
class AccessDecisionTest {

    private static final NodeRef N1 = NodeRef.of("n1");
    private static final NodeRef N2 = NodeRef.of("n2");

    @Test
    void denyAllowsNothing() {
        AccessDecision d = AccessDecision.deny();
        assertThat(d.allowed()).isFalse();
        assertThat(d.isNarrowed()).isFalse();
        assertThat(d.allowsNode(N1)).isFalse();
        assertThat(d.allowsName("temperature")).isFalse();
    }

    @Test
    void allowAllAllowsEverything() {
        AccessDecision d = AccessDecision.allowAll();
        assertThat(d.allowed()).isTrue();
        assertThat(d.isNarrowed()).isFalse();
        assertThat(d.allowsNode(N1)).isTrue();
        assertThat(d.allowsName("temperature")).isTrue();
    }

    @Test
    void allowOnlyNarrowsToTheListedNodes() {
        AccessDecision d = AccessDecision.allowOnly(List.of(N1), Set.of());
        assertThat(d.isNarrowed()).isTrue();
        assertThat(d.allowsNode(N1)).isTrue();
        assertThat(d.allowsNode(N2)).isFalse();
        assertThat(d.allowsName("anything")).isTrue();
    }

    @Test
    void allowOnlyNarrowsToTheListedNames() {
        AccessDecision d = AccessDecision.allowOnly(List.of(), Set.of("temperature"));
        assertThat(d.isNarrowed()).isTrue();
        assertThat(d.allowsNode(N2)).isTrue();
        assertThat(d.allowsName("temperature")).isTrue();
        assertThat(d.allowsName("humidity")).isFalse();
    }

    @Test
    void aDeniedDecisionWithListsIsNotNarrowedAndAllowsNothing() {
        AccessDecision d = new AccessDecision(false, List.of(N1), Set.of("temperature"));
        assertThat(d.isNarrowed()).isFalse();
        assertThat(d.allowsNode(N1)).isFalse();
        assertThat(d.allowsName("temperature")).isFalse();
    }

    @Test
    void theListsAreCopies() {
        List<NodeRef> nodes = new ArrayList<>(List.of(N1));
        AccessDecision d = AccessDecision.allowOnly(nodes, Set.of());
        nodes.add(N2);
        assertThat(d.nodes()).containsExactly(N1);
        assertThat(d.allowsNode(N2)).isFalse();
    }
}

package io.github.xmppiot.provisioning.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.access.AccessRequest.Kind;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** XEP-0324 §3.3/§3.4 decisions of the provisioning server, as in examples 14–19, on rules stored in H2. */
class RuleEvaluatorTest {

    private static final String THING = "device@example.org";
    private JdbcProvisioningStore store;
    private RuleEvaluator rules;

    /** @return a new, empty store; here in memory, on PostgreSQL in {@link PostgresRuleEvaluatorTest} */
    JdbcProvisioningStore openStore() throws Exception {
        return JdbcProvisioningStore.h2InMemory("rules" + System.nanoTime());
    }

    @BeforeEach
    void open() throws Exception {
        store = openStore();
        store.claim(THING, "owner@example.org");
        rules = new RuleEvaluator(store);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    private RuleEvaluator.Outcome decide(Kind kind, String who, Tokens tokens, List<NodeRef> nodes, List<String> names)
            throws Exception {
        return rules.decide(THING, kind, who, tokens, nodes, names);
    }

    @Test
    void ownerMayDoAnythingStrangersNothing() throws Exception {
        assertThat(decide(Kind.READ, "owner@example.org", Tokens.NONE, List.of(), List.of()))
                .isEqualTo(RuleEvaluator.Outcome.ALL);
        assertThat(decide(Kind.CONTROL, "stranger@example.org", Tokens.NONE, List.of(), List.of())
                        .allowed())
                .isFalse();
    }

    @Test
    void nodesAndFieldsAreNarrowedOrRejected() throws Exception {
        store.putRule(new Rule(THING, Kind.READ, "primary@example.org", List.of(NodeRef.of("Device02")), List.of()));
        RuleEvaluator.Outcome o = decide(
                Kind.READ,
                "primary@example.org",
                Tokens.NONE,
                List.of(NodeRef.of("Device02"), NodeRef.of("Device03")),
                List.of());
        assertThat(o).isEqualTo(new RuleEvaluator.Outcome(true, List.of(NodeRef.of("Device02")), List.of()));
        assertThat(decide(Kind.READ, "primary@example.org", Tokens.NONE, List.of(NodeRef.of("Device02")), List.of()))
                .isEqualTo(RuleEvaluator.Outcome.ALL);
        assertThat(decide(Kind.READ, "primary@example.org", Tokens.NONE, List.of(NodeRef.of("Device03")), List.of())
                        .allowed())
                .isFalse();
        assertThat(decide(Kind.READ, "primary@example.org", Tokens.NONE, List.of(), List.of()))
                .isEqualTo(new RuleEvaluator.Outcome(true, List.of(NodeRef.of("Device02")), List.of()));

        store.putRule(new Rule(THING, Kind.CONTROL, "primary@example.org", List.of(), List.of("DigitalOutput1")));
        assertThat(decide(
                        Kind.CONTROL,
                        "primary@example.org",
                        Tokens.NONE,
                        List.of(),
                        List.of("DigitalOutput1", "AnalogOutput1")))
                .isEqualTo(new RuleEvaluator.Outcome(true, List.of(), List.of("DigitalOutput1")));
        assertThat(decide(Kind.CONTROL, "primary@example.org", Tokens.NONE, List.of(), List.of("AnalogOutput1"))
                        .allowed())
                .isFalse();
    }

    @Test
    void tokenRulesAreUnitedWithJidRules() throws Exception {
        store.putRule(new Rule(THING, Kind.READ, "primary@example.org", List.of(), List.of("Energy")));
        store.putRule(new Rule(THING, Kind.READ, Rule.TOKEN_PREFIX + "USERTOKEN1", List.of(), List.of("Power")));
        assertThat(decide(
                        Kind.READ,
                        "primary@example.org",
                        Tokens.fromAttributes("SERVICETOKEN1", null, "USERTOKEN1"),
                        List.of(),
                        List.of("Energy", "Power", "Voltage")))
                .isEqualTo(new RuleEvaluator.Outcome(true, List.of(), List.of("Energy", "Power")));
        assertThat(decide(
                        Kind.READ,
                        "other@example.org",
                        Tokens.fromAttributes(null, null, "USERTOKEN1"),
                        List.of(),
                        List.of()))
                .isEqualTo(new RuleEvaluator.Outcome(true, List.of(), List.of("Power")));
    }
}

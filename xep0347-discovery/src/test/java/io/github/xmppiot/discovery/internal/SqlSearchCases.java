package io.github.xmppiot.discovery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.discovery.Comparison;
import io.github.xmppiot.discovery.NumericComparison;
import io.github.xmppiot.discovery.NumericRange;
import io.github.xmppiot.discovery.SearchOperator;
import io.github.xmppiot.discovery.StringComparison;
import io.github.xmppiot.discovery.StringMask;
import io.github.xmppiot.discovery.StringRange;
import io.github.xmppiot.discovery.registry.JdbcRegistryStorage;
import io.github.xmppiot.discovery.registry.ThingKey;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The SQL translation: LIKE escaping, one join per operator, and the patterns it produces; on H2
 * ({@link SqlSearchTest}) and PostgreSQL ({@link SqlSearchPostgresIT}).
 */
abstract class SqlSearchCases {

    private JdbcRegistryStorage storage;

    @BeforeEach
    void open() {
        storage = openEmpty();
        storage.inTransaction(tx -> {
            put(tx, "t1", MetaTag.str("A", "ab"), MetaTag.num("V", "1.5"));
            put(tx, "t2", MetaTag.str("A", "a_"), MetaTag.num("V", "-0"));
            put(tx, "t3", MetaTag.str("A", "a%c\\"), MetaTag.num("V", "INF"));
            return null;
        });
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void likeSpecialCharactersAreLiterals() {
        assertThat(StringMaskPattern.of("a_", "*")).isEqualTo("a\\_");
        assertThat(StringMaskPattern.of("a%*\\", "*")).isEqualTo("a\\%%\\\\");
        assertThat(find(new StringMask("A", "a_", "*"))).containsExactly("t2");
        assertThat(find(new StringMask("A", "a*", "*"))).containsExactly("t1", "t2", "t3");
        assertThat(find(new StringMask("A", "a%*", "*"))).containsExactly("t3");
        assertThat(find(new StringMask("A", "*\\", "*"))).containsExactly("t3");
        assertThat(find(new StringMask("A", "a??", "??"))).containsExactly("t1", "t2", "t3");
    }

    @Test
    void numericOperatorsUseTheDoubleValue() {
        assertThat(find(new NumericComparison(Comparison.EQ, "v", "0"))).containsExactly("t2");
        assertThat(find(new NumericComparison(Comparison.GT, "V", "1e300"))).containsExactly("t3");
        assertThat(find(new NumericRange(true, "V", "0", true, "2", false))).containsExactly("t3");
        assertThat(find(new NumericRange(false, "V", "0", false, "INF", true))).containsExactly("t1", "t3");
    }

    @Test
    void aNegatedRangeKeepsExactlyWhatTheRangeLeavesOut() {
        // not in [-1, 1.5): 1.5 itself is outside the range, so it is found
        assertThat(find(new NumericRange(true, "V", "-1", true, "1.5", false))).containsExactly("t1", "t3");
        // not in (-1, 1.5]: 1.5 is inside, -0 too
        assertThat(find(new NumericRange(true, "V", "-1", false, "1.5", true))).containsExactly("t3");
        // not in (0, 1]: -0 equals the excluded minimum, so it is found
        assertThat(find(new NumericRange(true, "V", "0", false, "1", true))).containsExactly("t1", "t2", "t3");
    }

    @Test
    void operatorsAreCheckedFromTheMostToTheLeastSelective() {
        // given from the least selective to the most; a stable order within each rank
        List<SearchOperator> ops = List.of(
                new StringRange(true, "SR_NEG", "a", true, "b", true),
                new NumericRange(true, "NR_NEG", "1", true, "2", true),
                new StringComparison(Comparison.NEQ, "S_NEQ", "x"),
                new NumericComparison(Comparison.NEQ, "N_NEQ", "1"),
                new StringMask("M_WILD", "*x", "*"),
                new StringRange(false, "SR", "a", true, "b", true),
                new NumericRange(false, "NR", "1", true, "2", true),
                new StringComparison(Comparison.GT, "S_GT", "x"),
                new NumericComparison(Comparison.LT, "N_LT", "1"),
                new StringMask("M_LIT", "x*", "*"),
                new StringComparison(Comparison.EQ, "S_EQ", "x"),
                new NumericComparison(Comparison.EQ, "N_EQ", "1"));
        List<String> names = ops.stream().map(SearchOperator::key).toList();

        List<Object> order = SqlSearch.of(ops, 0, 10).parameters().stream()
                .filter(names::contains)
                .toList();

        assertThat(order)
                .containsExactly(
                        "S_EQ", "N_EQ", "M_LIT", "SR", "NR", "S_GT", "N_LT", "M_WILD", "SR_NEG", "NR_NEG", "S_NEQ",
                        "N_NEQ");
    }

    @Test
    void theMostSelectiveOperatorDrivesAndTheOthersAreExistsChecks() {
        SqlSearch q = SqlSearch.of(
                List.of(
                        new NumericComparison(Comparison.GT, "V", "0"),
                        new StringMask("A", "a*", "*"),
                        new NumericComparison(Comparison.NEQ, "V", "1")),
                5,
                10);
        assertThat(q.sql())
                .startsWith("SELECT t0.thing_id FROM tag t0 WHERE t0.name = ?")
                .contains("t0.str_value LIKE ? ESCAPE")
                .containsOnlyOnce("EXISTS (SELECT 1 FROM tag t1 WHERE t1.thing_id = t0.thing_id")
                .containsOnlyOnce("EXISTS (SELECT 1 FROM tag t2 WHERE t2.thing_id = t0.thing_id");
        assertThat(q.parameters()).containsExactly("A", "a%", "V", 0.0, "V", 1.0, 5, 10);
    }

    /** @return a storage on a new, empty database */
    abstract JdbcRegistryStorage openEmpty();

    private List<String> find(SearchOperator op) {
        return storage.inTransaction(tx -> tx.search(List.of(op), 0, 100)).records().stream()
                .map(r -> r.key().jid().getLocalpartOrNull().toString())
                .toList();
    }

    private static void put(
            io.github.xmppiot.discovery.registry.RegistryTransaction tx, String local, MetaTag... tags) {
        BareJid jid = JidCreate.bareFromOrThrowUnchecked(local + "@example.org");
        tx.put(new ThingKey(jid, null), List.of(tags), jid, true, true, null);
    }

    /** Shorthand for the LIKE pattern of a mask. */
    private static final class StringMaskPattern {
        static String of(String value, String wildcard) {
            return SqlSearch.likePattern(new StringMask("A", value, wildcard));
        }
    }
}

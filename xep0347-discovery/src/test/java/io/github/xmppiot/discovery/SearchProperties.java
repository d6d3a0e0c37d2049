package io.github.xmppiot.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.meta.NumericTag;
import io.github.xmppiot.core.meta.StringTag;
import io.github.xmppiot.discovery.registry.JdbcRegistryStorage;
import io.github.xmppiot.discovery.registry.RegistryDatabases;
import io.github.xmppiot.discovery.registry.RegistryTransaction;
import io.github.xmppiot.discovery.registry.ThingKey;
import io.github.xmppiot.discovery.registry.ThingRecord;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The SQL translation of the 17 operators finds exactly the Things the reference semantics
 * ({@link SearchOperator#test}) selects: claimed public Things only, {@code KEY} never matched, in registration order.
 * On H2 here, on PostgreSQL in {@link SearchPostgresIT}.
 */
class SearchProperties {

    /** One Thing to store: its tags and whether it is claimed and public. */
    record Stored(List<MetaTag> tags, boolean claimed, boolean isPublic) {}

    private static JdbcRegistryStorage storage;
    private static Connection admin;

    /** One database for all tries (opening one, its pool and schema, cost more than the try); emptied before each. */
    @BeforeContainer
    static void open() throws SQLException {
        String url = RegistryDatabases.h2MemoryUrl();
        storage = JdbcRegistryStorage.jdbc(url, "sa", "");
        admin = DriverManager.getConnection(url, "sa", "");
    }

    @AfterContainer
    static void close() throws SQLException {
        try {
            if (admin != null) {
                try (Statement st = admin.createStatement()) {
                    st.execute("DROP ALL OBJECTS"); // the in-memory database lives until dropped (DB_CLOSE_DELAY=-1)
                }
                admin.close();
            }
        } finally {
            if (storage != null) {
                storage.close();
            }
        }
    }

    @Property(tries = 300)
    void sqlSearchEqualsReferenceSemantics(
            @ForAll("stored") List<Stored> things,
            @ForAll("ops") List<SearchOperator> ops,
            @ForAll("pages") int pageSize)
            throws SQLException {
        try (Statement st = admin.createStatement()) {
            st.execute("DELETE FROM tag");
            st.execute("DELETE FROM thing");
        }
        check(storage, things, ops, pageSize);
    }

    /**
     * Stores the Things in an empty storage and pages through a search, comparing with the reference semantics.
     *
     * @param storage  an empty storage
     * @param things   the Things, in registration order
     * @param ops      the operators
     * @param pageSize the page size
     */
    static void check(JdbcRegistryStorage storage, List<Stored> things, List<SearchOperator> ops, int pageSize) {
        List<Long> expected = new ArrayList<>();
        storage.inTransaction(tx -> {
            for (int i = 0; i < things.size(); i++) {
                Stored s = things.get(i);
                BareJid jid = JidCreate.bareFromOrThrowUnchecked("t" + i + "@example.org");
                ThingRecord r =
                        tx.put(new ThingKey(jid, null), s.tags(), s.claimed() ? jid : null, s.isPublic(), false, null);
                if (s.claimed()
                        && s.isPublic()
                        && ops.stream().allMatch(op -> s.tags().stream().anyMatch(t -> !t.isKey() && op.test(t)))) {
                    expected.add(r.id());
                }
            }
            return null;
        });
        List<Long> actual = new ArrayList<>();
        boolean more = true;
        for (int offset = 0; more; offset += pageSize) {
            int from = offset;
            RegistryTransaction.Page page = storage.inTransaction(tx -> tx.search(ops, from, pageSize));
            page.records().forEach(r -> {
                actual.add(r.id());
                assertThat(r.tags()).noneMatch(MetaTag::isKey);
            });
            more = page.more();
            assertThat(page.records().size()).isLessThanOrEqualTo(pageSize);
        }
        assertThat(actual).isEqualTo(expected);
    }

    static Arbitrary<SearchOperator> operatorArbitrary(
            Arbitrary<String> names, Arbitrary<String> values, Arbitrary<String> numbers) {
        Arbitrary<Comparison> cmp = Arbitraries.of(Comparison.class);
        Arbitrary<SearchOperator> strCmp =
                Combinators.combine(cmp, names, values).as(StringComparison::new);
        Arbitrary<SearchOperator> numCmp =
                Combinators.combine(cmp, names, numbers).as(NumericComparison::new);
        Arbitrary<SearchOperator> strRange = Combinators.combine(
                        Arbitraries.of(true, false),
                        names,
                        values,
                        Arbitraries.of(true, false),
                        values,
                        Arbitraries.of(true, false))
                .as(StringRange::new);
        Arbitrary<SearchOperator> numRange = Combinators.combine(
                        Arbitraries.of(true, false),
                        names,
                        numbers,
                        Arbitraries.of(true, false),
                        numbers,
                        Arbitraries.of(true, false))
                .as(NumericRange::new);
        Arbitrary<SearchOperator> mask = Combinators.combine(names, values, Arbitraries.of("*", "?", "ab"))
                .as(StringMask::new);
        return Arbitraries.oneOf(strCmp, numCmp, strRange, numRange, mask);
    }

    private static Arbitrary<String> smallNames() {
        return Arbitraries.of("A", "a", "B", "KEY");
    }

    private static Arbitrary<String> smallValues() {
        return Arbitraries.strings().withChars("ab%_\\*?").ofMaxLength(2);
    }

    private static Arbitrary<String> smallNumbers() {
        return Arbitraries.of("-2", "-1.5", "-0", "0", "0.5", "1", "1.0", "2", "INF", "-INF");
    }

    @Provide
    Arbitrary<List<SearchOperator>> ops() {
        return operatorArbitrary(smallNames(), smallValues(), smallNumbers())
                .list()
                .ofMinSize(1)
                .ofMaxSize(3);
    }

    @Provide
    Arbitrary<Integer> pages() {
        return Arbitraries.integers().between(1, 7);
    }

    @Provide
    Arbitrary<List<Stored>> stored() {
        Arbitrary<MetaTag> str =
                Combinators.combine(smallNames(), smallValues()).as(StringTag::new);
        Arbitrary<MetaTag> num =
                Combinators.combine(Arbitraries.of("A", "b"), smallNumbers()).as(NumericTag::new);
        Arbitrary<List<MetaTag>> tags =
                Arbitraries.oneOf(str, num).list().ofMaxSize(4).map(SearchProperties::unique);
        return Combinators.combine(tags, Arbitraries.of(true, true, false), Arbitraries.of(true, true, false))
                .as(Stored::new)
                .list()
                .ofMaxSize(12);
    }

    private static List<MetaTag> unique(List<MetaTag> tags) {
        Map<String, MetaTag> m = new LinkedHashMap<>();
        tags.forEach(t -> m.putIfAbsent(t.key(), t));
        return List.copyOf(m.values());
    }
}

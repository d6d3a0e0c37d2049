package io.github.xmppiot.discovery.registry;

import static io.github.xmppiot.core.meta.MetaTag.num;
import static io.github.xmppiot.core.meta.MetaTag.str;
import static io.github.xmppiot.discovery.registry.RegistryRulesCases.jid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.meta.StringTag;
import io.github.xmppiot.discovery.Comparison;
import io.github.xmppiot.discovery.SearchOperator;
import io.github.xmppiot.discovery.StringComparison;
import io.github.xmppiot.discovery.element.Disown;
import io.github.xmppiot.discovery.element.Mine;
import io.github.xmppiot.discovery.element.Register;
import io.github.xmppiot.discovery.element.Search;
import io.github.xmppiot.discovery.element.Update;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jivesoftware.smack.packet.StanzaError.Condition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.Jid;

/**
 * What the registry keeps in its records, read back from the database (XEP-0347 §3.11 updates, §3.15 search limits,
 * §3.17 disown): the order of meta tags across updates, where a Thing was last seen, the fresh {@code KEY} of a
 * disowned Thing, and deletes that say whether there was anything to delete. On an H2 file database.
 */
class RegistryRecordsTest {

    private static final Jid THING = jid("thing@example.org/imc");
    private static final Jid THING_AGAIN = jid("thing@example.org/other");
    private static final Jid LAMP = jid("lamp@example.org/imc");
    private static final Jid OWNER = jid("owner@example.org/phone");
    private static final ThingKey THING_KEY = new ThingKey(THING.asBareJid(), null);

    @TempDir
    Path dir;

    private JdbcRegistryStorage storage;
    private RegistryRules rules;

    @BeforeEach
    void open() {
        storage = JdbcRegistryStorage.h2(dir.resolve("registry"));
        rules = new RegistryRules(storage, RegistryOptions.defaults().withSearchLimits(2, Duration.ofSeconds(5)));
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private ThingRecord record(ThingKey key) {
        return storage.inTransaction(tx -> tx.find(key)).orElseThrow();
    }

    private void registerAndClaim(Jid thing, List<MetaTag> tags) throws IotErrorException {
        rules.register(thing, new Register(tags, null, false));
        rules.claim(OWNER, new Mine(tags, null, true));
    }

    @Test
    void anUpdateKeepsEachTagInItsPlaceReplacesItsValueAndAppendsNewTags() throws Exception {
        registerAndClaim(THING, List.of(str("SN", "1"), str("MAN", "m"), num("V", "1"), str("KEY", "k")));
        List<String> before = keys(record(THING_KEY).tags());

        assertThat(rules.update(THING, new Update(List.of(str("MAN", "n"), str("ROOM", "a")), null, null)))
                .isTrue();
        List<MetaTag> after = record(THING_KEY).tags();
        assertThat(keys(after)).containsExactly(append(before, "ROOM").toArray(String[]::new));
        assertThat(after).contains(str("MAN", "n"), str("ROOM", "a")).doesNotContain(str("MAN", "m"));

        rules.update(THING, new Update(List.of(str("SN", "2"), str("ROOM", "b"), str("FLOOR", "3")), null, null));
        assertThat(keys(record(THING_KEY).tags()))
                .containsExactly(append(append(before, "ROOM"), "FLOOR").toArray(String[]::new));
        assertThat(record(THING_KEY).tags()).contains(str("SN", "2"), str("ROOM", "b"), str("FLOOR", "3"));
    }

    @Test
    void anUpdateByTheThingRecordsWhereItWasLastSeen() throws Exception {
        registerAndClaim(THING, List.of(str("SN", "1"), str("KEY", "k")));
        assertThat((Object) record(THING_KEY).lastSeen()).isEqualTo(THING);

        rules.update(THING_AGAIN, new Update(List.of(str("ROOM", "a")), null, null));

        assertThat((Object) record(THING_KEY).lastSeen()).isEqualTo(THING_AGAIN);
    }

    @Test
    void aDisownedThingGetsAFreshRandomKeyAndNothingElse() throws Exception {
        registerAndClaim(THING, List.of(str("SN", "1"), str("KEY", "k")));
        registerAndClaim(LAMP, List.of(str("SN", "2"), str("KEY", "k")));
        ThingKey lampKey = new ThingKey(LAMP.asBareJid(), null);

        rules.completeDisown(
                OWNER, rules.checkDisown(OWNER, new Disown(THING, null)).key());
        rules.completeDisown(
                OWNER, rules.checkDisown(OWNER, new Disown(LAMP, null)).key());

        ThingRecord thing = record(THING_KEY);
        ThingRecord lamp = record(lampKey);
        assertThat(thing.isClaimed()).isFalse();
        assertThat(thing.tags())
                .singleElement()
                .satisfies(t -> assertThat(t.key()).isEqualTo("KEY"));
        String key = ((StringTag) thing.tags().get(0)).value();
        String lampKeyValue = ((StringTag) lamp.tags().get(0)).value();
        assertThat(key).matches("[0-9a-f]{64}").isNotEqualTo("0".repeat(64)).isNotEqualTo(lampKeyValue);
    }

    @Test
    void searchItselfRefusesMoreOperatorsThanTheLimit() {
        List<SearchOperator> three = List.of(
                new StringComparison(Comparison.EQ, "A", "1"),
                new StringComparison(Comparison.EQ, "B", "2"),
                new StringComparison(Comparison.EQ, "C", "3"));

        assertThatThrownBy(() -> rules.search(new Search(three, 0, null)))
                .isInstanceOfSatisfying(
                        IotErrorException.class, e -> assertThat(e.condition()).isEqualTo(Condition.bad_request));
    }

    @Test
    void aSearchOnKeyFindsNothingEvenWhereASelfOwnedThingKeepsItsKey() throws Exception {
        rules.register(THING, new Register(List.of(str("SN", "1"), str("KEY", "secret")), null, true));
        assertThat(record(THING_KEY).tags()).contains(str("KEY", "secret"));
        assertThat(rules.search(new Search(List.of(new StringComparison(Comparison.EQ, "SN", "1")), 0, null))
                        .things())
                .hasSize(1);

        assertThat(rules.search(new Search(List.of(new StringComparison(Comparison.EQ, "KEY", "secret")), 0, null))
                        .things())
                .isEmpty();
    }

    @Test
    void deleteSaysWhetherThereWasARecordToDelete() throws Exception {
        rules.register(THING, new Register(List.of(str("SN", "1")), null, false));
        long id = record(THING_KEY).id();

        boolean first = storage.inTransaction(tx -> tx.delete(id));
        boolean second = storage.inTransaction(tx -> tx.delete(id));
        Optional<ThingRecord> left = storage.inTransaction(tx -> tx.find(THING_KEY));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(left).isEmpty();
    }

    private static List<String> keys(List<MetaTag> tags) {
        List<String> keys = new ArrayList<>();
        tags.forEach(t -> keys.add(t.key()));
        return Collections.unmodifiableList(keys);
    }

    private static List<String> append(List<String> list, String key) {
        List<String> copy = new ArrayList<>(list);
        copy.add(key);
        return copy;
    }
}

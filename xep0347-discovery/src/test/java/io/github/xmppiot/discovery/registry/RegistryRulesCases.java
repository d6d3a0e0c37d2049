package io.github.xmppiot.discovery.registry;

import static io.github.xmppiot.core.meta.MetaTag.num;
import static io.github.xmppiot.core.meta.MetaTag.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.discovery.Comparison;
import io.github.xmppiot.discovery.FoundThing;
import io.github.xmppiot.discovery.SearchOperator;
import io.github.xmppiot.discovery.SearchResult;
import io.github.xmppiot.discovery.StringComparison;
import io.github.xmppiot.discovery.element.Disown;
import io.github.xmppiot.discovery.element.Mine;
import io.github.xmppiot.discovery.element.Register;
import io.github.xmppiot.discovery.element.Remove;
import io.github.xmppiot.discovery.element.Search;
import io.github.xmppiot.discovery.element.Unregister;
import io.github.xmppiot.discovery.element.Update;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.packet.StanzaError.Condition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The rules of XEP-0347 §3.6-§3.17 over a real database: {@link RegistryRulesTest} runs them on an H2 file,
 * {@link RegistryRulesPostgresIT} on PostgreSQL.
 */
abstract class RegistryRulesCases {

    private static final Jid THING = jid("thing@example.org/imc");
    private static final Jid RACK = jid("rack@example.org/plcs");
    private static final Jid OWNER = jid("owner@example.org/phone");
    private static final Jid OTHER = jid("other@example.org/pc");
    private static final List<MetaTag> TAGS = List.of(
            str("SN", "394872348732948723"),
            str("MAN", "www.ktc.se"),
            str("MODEL", "IMC"),
            num("V", "1.2"),
            str("KEY", "4857402340298342"));
    private static final List<SearchOperator> BY_MAN =
            List.of(new StringComparison(Comparison.EQ, "MAN", "www.ktc.se"));

    private JdbcRegistryStorage storage;
    private RegistryRules rules;

    @BeforeEach
    void open() {
        storage = open(true);
        rules = new RegistryRules(storage, RegistryOptions.defaults().withMaxPageSize(10));
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void unclaimedThingsAreNeverFoundAndClaimedPublicOnesAreFoundWithoutKey() throws Exception {
        assertThat(rules.register(THING, new Register(TAGS, null, false)))
                .isInstanceOf(RegisterOutcome.Registered.class);
        assertThat(search(BY_MAN).things()).isEmpty();
        ThingRecord r = rules.claim(
                OWNER, new Mine(List.of(TAGS.get(4), TAGS.get(3), TAGS.get(0), TAGS.get(2), TAGS.get(1)), null, true));
        assertThat(r.owner().toString()).isEqualTo("owner@example.org");
        assertThat(r.key().jid().toString()).isEqualTo("thing@example.org");
        FoundThing t = search(BY_MAN).things().get(0);
        assertThat(t.owner().toString()).isEqualTo("owner@example.org");
        assertThat(t.tags()).doesNotContain(TAGS.get(4)).hasSize(4);
        assertThat(search(List.of(new StringComparison(Comparison.EQ, "key", "4857402340298342")))
                        .things())
                .isEmpty();
        assertThat(search(List.of(new StringComparison(Comparison.EQ, "NOSUCH", "x")))
                        .things())
                .isEmpty();
    }

    @Test
    void claimNeedsExactlyTheRegisteredTagsAndFailsWithoutSayingWhy() throws Exception {
        rules.register(THING, new Register(TAGS, null, false));
        assertError(() -> rules.claim(OWNER, new Mine(TAGS.subList(0, 4), null, true)), Condition.item_not_found);
        List<MetaTag> wrongNumber = new ArrayList<>(TAGS);
        wrongNumber.set(3, num("V", "1.3"));
        assertError(() -> rules.claim(OWNER, new Mine(wrongNumber, null, true)), Condition.item_not_found);
        List<MetaTag> sameNumber = new ArrayList<>(TAGS);
        sameNumber.set(3, num("v", "1.20"));
        rules.claim(OWNER, new Mine(sameNumber, null, true));
        IotErrorException taken =
                assertError(() -> rules.claim(OTHER, new Mine(TAGS, null, true)), Condition.item_not_found);
        IotErrorException unknown = assertError(
                () -> rules.claim(OTHER, new Mine(List.of(str("SN", "x")), null, true)), Condition.item_not_found);
        assertThat(taken.getMessage()).isEqualTo(unknown.getMessage());
        assertThat((Object) rules.claim(OWNER, new Mine(TAGS, null, true)).owner())
                .isEqualTo(OWNER.asBareJid());
    }

    @Test
    void reRegistrationReplacesTagsButNeverTouchesAClaimedThing() throws Exception {
        rules.register(THING, new Register(List.of(str("SN", "1"), str("CLASS", "PLC"), str("KEY", "k")), null, false));
        rules.register(THING, new Register(TAGS, null, false));
        assertThat(storage.inTransaction(tx -> tx.find(new ThingKey(THING.asBareJid(), null)))
                        .orElseThrow()
                        .tags())
                .containsExactlyElementsOf(TAGS);
        rules.claim(OWNER, new Mine(TAGS, null, false));
        RegisterOutcome again = rules.register(THING, new Register(List.of(str("SN", "2")), null, false));
        assertThat(again).isEqualTo(new RegisterOutcome.AlreadyClaimed(OWNER.asBareJid()));
        assertThat(storage.inTransaction(tx -> tx.find(new ThingKey(THING.asBareJid(), null)))
                        .orElseThrow()
                        .tags())
                .containsExactlyElementsOf(TAGS);
        assertThat(search(BY_MAN).things())
                .as("private claim is not searchable")
                .isEmpty();
    }

    @Test
    void selfOwnedThingsArePublicAndClaimedAtOnce() throws Exception {
        rules.register(THING, new Register(TAGS, null, true));
        assertThat(search(BY_MAN).things())
                .singleElement()
                .satisfies(t -> assertThat((Object) t.owner()).isEqualTo(THING.asBareJid()));
        assertError(() -> rules.claim(OWNER, new Mine(TAGS, null, true)), Condition.item_not_found);
    }

    @Test
    void concentratorNodesAreSeparateRecords() throws Exception {
        NodeRef imc1 = new NodeRef("imc1", "MeteringTopology", null);
        NodeRef imc2 = new NodeRef("imc2", "MeteringTopology", null);
        rules.register(RACK, new Register(TAGS, imc1, false));
        rules.register(RACK, new Register(List.of(str("SN", "2"), str("MAN", "www.ktc.se")), imc2, false));
        ThingRecord claimed = rules.claim(OWNER, new Mine(TAGS, null, true));
        assertThat(claimed.key()).isEqualTo(new ThingKey(RACK.asBareJid(), imc1));
        FoundThing found = search(BY_MAN).things().get(0);
        assertThat(found.node()).isEqualTo(imc1);
        assertThat(found.jid().toString()).isEqualTo("rack@example.org");
        assertError(() -> rules.remove(OWNER, new Remove(RACK, imc2)), Condition.item_not_found);
        rules.remove(OWNER, new Remove(RACK, imc1));
        assertThat(search(BY_MAN).things()).isEmpty();
    }

    @Test
    void updatesFollowTheClaimState() throws Exception {
        Update keyCleared =
                new Update(List.of(str("KEY", ""), str("CLASS", "PLC"), num("LON", "-71.519722")), null, null);
        assertError(() -> rules.update(THING, keyCleared), Condition.item_not_found);
        rules.register(THING, new Register(TAGS, null, false));
        assertThat(rules.update(THING, keyCleared)).as("unclaimed: disowned").isFalse();
        rules.claim(OWNER, new Mine(TAGS, null, true));
        assertThat(rules.update(THING, keyCleared)).isTrue();
        FoundThing t = search(BY_MAN).things().get(0);
        assertThat(t.tags())
                .contains(str("CLASS", "PLC"), num("LON", "-71.519722"))
                .hasSize(6);
        assertThat(storage.inTransaction(tx -> tx.find(new ThingKey(THING.asBareJid(), null)))
                        .orElseThrow()
                        .tags())
                .noneMatch(MetaTag::isKey);
        Update byOwner = new Update(List.of(str("ROOM", "12")), null, THING.asBareJid());
        assertError(() -> rules.update(OTHER, byOwner), Condition.item_not_found);
        assertThat(rules.update(OWNER, byOwner)).isTrue();
        assertThat(search(List.of(new StringComparison(Comparison.EQ, "ROOM", "12")))
                        .things())
                .hasSize(1);
    }

    @Test
    void onlyTheOwnerRemovesAndDisowns() throws Exception {
        rules.register(THING, new Register(TAGS, null, false));
        rules.claim(OWNER, new Mine(TAGS, null, true));
        assertError(() -> rules.remove(OTHER, new Remove(THING, null)), Condition.item_not_found);
        assertError(() -> rules.checkDisown(OTHER, new Disown(THING, null)), Condition.item_not_found);
        ThingRecord r = rules.checkDisown(OWNER, new Disown(THING, null));
        rules.completeDisown(OWNER, r.key());
        ThingRecord after = storage.inTransaction(tx -> tx.find(r.key())).orElseThrow();
        assertThat(after.isClaimed()).isFalse();
        assertThat(after.tags()).singleElement().satisfies(k -> {
            assertThat(k.isKey()).isTrue();
            assertThat(k.lexicalValue()).hasSize(64).isNotEqualTo("4857402340298342");
        });
        assertThat(search(BY_MAN).things()).isEmpty();
        rules.register(THING, new Register(TAGS, null, false));
        rules.claim(OTHER, new Mine(TAGS, null, true));
        assertError(() -> rules.remove(OWNER, new Remove(THING, null)), Condition.item_not_found);
        rules.unregister(THING, new Unregister(null));
        rules.unregister(THING, new Unregister(null));
        java.util.Optional<ThingRecord> gone = storage.inTransaction(tx -> tx.find(r.key()));
        assertThat(gone).isEmpty();
    }

    @Test
    void pagesWithOffsetMaxCountAndMore() throws Exception {
        for (int i = 0; i < 25; i++) {
            Jid t = jid("t" + i + "@example.org/x");
            List<MetaTag> tags = List.of(str("MAN", "www.ktc.se"), str("SN", "sn" + i));
            rules.register(t, new Register(tags, null, true));
        }
        assertThat(rules.search(new Search(BY_MAN, 0, 8))).satisfies(p -> {
            assertThat(p.things()).hasSize(8);
            assertThat(p.more()).isTrue();
        });
        SearchResult capped = rules.search(new Search(BY_MAN, 0, 1000));
        assertThat(capped.things()).as("registry lowers maxCount").hasSize(10);
        assertThat(rules.search(new Search(BY_MAN, 20, null))).satisfies(p -> {
            assertThat(p.things()).hasSize(5);
            assertThat(p.more()).isFalse();
        });
        List<String> all = new ArrayList<>();
        for (int offset = 0; offset < 25; offset += 10) {
            rules.search(new Search(BY_MAN, offset, 10))
                    .things()
                    .forEach(t -> all.add(t.jid().toString()));
        }
        assertThat(all).hasSize(25).doesNotHaveDuplicates();
    }

    @Test
    void duplicateNamesAndTagSpamAreBadRequests() {
        assertError(
                () -> rules.register(THING, new Register(List.of(str("SN", "1"), str("sn", "2")), null, false)),
                Condition.bad_request);
        List<MetaTag> spam = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            spam.add(str("T" + i, "v"));
        }
        assertError(() -> rules.register(THING, new Register(spam, null, false)), Condition.bad_request);
    }

    @Test
    void limitsHoldExactlyAtTheirBoundaries() throws Exception {
        rules = new RegistryRules(
                storage,
                new RegistryOptions(10, 3, java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(30))
                        .withMaxRecordsPerJid(2));
        List<MetaTag> first = List.of(str("SN", "1"), str("MAN", "m"), str("KEY", "k1"));
        List<MetaTag> second = List.of(str("SN", "2"), str("MAN", "m"), str("KEY", "k2"));
        NodeRef n2 = NodeRef.of("n2");
        assertThat(rules.register(RACK, new Register(first, null, false)))
                .as("exactly as many tags as allowed")
                .isInstanceOf(RegisterOutcome.Registered.class);
        rules.register(RACK, new Register(second, n2, false));
        assertError(
                () -> rules.register(RACK, new Register(first, NodeRef.of("n3"), false)),
                Condition.resource_constraint);
        assertThat(rules.register(RACK, new Register(second, n2, false)))
                .as("registering a record it has again is no new record")
                .isInstanceOf(RegisterOutcome.Registered.class);

        rules.claim(OWNER, new Mine(first, null, true));
        assertThat(rules.update(RACK, new Update(List.of(str("KEY", ""), str("ROOM", "1")), null, null)))
                .as("back at three tags")
                .isTrue();
        assertError(
                () -> rules.update(RACK, new Update(List.of(str("FLOOR", "2")), null, null)), Condition.bad_request);
        assertThat(search(List.of(new StringComparison(Comparison.EQ, "FLOOR", "2")))
                        .things())
                .as("a refused update changes nothing")
                .isEmpty();
        assertThat(search(List.of(new StringComparison(Comparison.EQ, "ROOM", "1")))
                        .things())
                .hasSize(1);
    }

    @Test
    void aClaimNamingANodeTakesOnlyThatNode() throws Exception {
        NodeRef n1 = NodeRef.of("n1");
        NodeRef n2 = new NodeRef("n2", "src", null);
        rules.register(RACK, new Register(TAGS, n1, false));
        rules.register(RACK, new Register(TAGS, n2, false));
        List<MetaTag> alone = List.of(str("SN", "alone"), str("KEY", "a"));
        rules.register(THING, new Register(alone, null, false));

        assertError(() -> rules.claim(OWNER, new Mine(TAGS, NodeRef.of("n9"), true)), Condition.item_not_found);
        assertError(() -> rules.claim(OWNER, new Mine(alone, n1, true)), Condition.item_not_found);
        ThingRecord c = rules.claim(OWNER, new Mine(TAGS, NodeRef.of("n2"), true));

        assertThat(c.key()).isEqualTo(new ThingKey(RACK.asBareJid(), n2));
        assertThat(c.isPublic()).isTrue();
        assertThat(rules.claim(OWNER, new Mine(alone, null, false)).isPublic()).isFalse();
        assertThat(rules.claim(OTHER, new Mine(TAGS, null, true)).key())
                .as("the other node is still free")
                .isEqualTo(new ThingKey(RACK.asBareJid(), n1));
    }

    @Test
    void aSelfOwnedThingCannotBeClaimedByItselfAndTagTypesMustMatch() throws Exception {
        rules.register(THING, new Register(TAGS, null, true));
        assertError(() -> rules.claim(THING, new Mine(TAGS, null, true)), Condition.item_not_found);

        List<MetaTag> numeric = List.of(str("SN", "n"), num("LEVEL", "2"));
        rules.register(RACK, new Register(numeric, null, false));
        assertError(
                () -> rules.claim(OWNER, new Mine(List.of(str("SN", "n"), str("LEVEL", "2")), null, true)),
                Condition.item_not_found);
        assertError(
                () -> rules.claim(
                        OWNER, new Mine(List.of(str("SN", "n"), num("LEVEL", "2"), str("X", "1")), null, true)),
                Condition.item_not_found);
        assertThat((Object) rules.claim(OWNER, new Mine(List.of(num("LEVEL", "2.0"), str("SN", "n")), null, true))
                        .owner())
                .isEqualTo(OWNER.asBareJid());
    }

    @Test
    void recordsSurviveReopening() throws Exception {
        rules.register(THING, new Register(TAGS, null, false));
        rules.claim(OWNER, new Mine(TAGS, null, true));
        storage.close();
        storage = open(false);
        rules = new RegistryRules(storage, RegistryOptions.defaults());
        assertThat(search(BY_MAN).things()).hasSize(1);
    }

    /**
     * Opens the test's database.
     *
     * @param fresh true for a new, empty database (once per test), false to open the same one again
     * @return the storage
     */
    abstract JdbcRegistryStorage open(boolean fresh);

    private SearchResult search(List<SearchOperator> ops) throws IotErrorException {
        return rules.search(new Search(ops, 0, null));
    }

    private static IotErrorException assertError(ThrowingCall call, Condition condition) {
        try {
            call.run();
        } catch (IotErrorException e) {
            assertThat(e.condition()).isEqualTo(condition);
            return e;
        } catch (Exception e) {
            throw new AssertionError("unexpected " + e, e);
        }
        throw new AssertionError("expected " + condition);
    }

    private interface ThrowingCall {
        void run() throws Exception;
    }

    static Jid jid(String s) {
        try {
            return JidCreate.from(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}

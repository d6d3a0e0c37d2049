package io.github.xmppiot.discovery.registry;

import static io.github.xmppiot.core.meta.MetaTag.num;
import static io.github.xmppiot.core.meta.MetaTag.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.discovery.element.Mine;
import io.github.xmppiot.discovery.element.Register;
import io.github.xmppiot.discovery.element.Unregister;
import io.github.xmppiot.discovery.element.Update;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.StanzaError.Condition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Two registry instances (two storages, each with its own connection pool) on one database, used by many threads at
 * once: of concurrent claims of one Thing (XEP-0347 §3.9) exactly one wins and every other is answered
 * {@code item-not-found}; concurrent registrations, updates and removals of the same Things (§3.6, §3.13, §3.16)
 * never fail with a storage error and leave one consistent record per Thing. On H2 ({@link RegistryConcurrencyTest})
 * and PostgreSQL ({@link RegistryConcurrencyPostgresIT}).
 */
abstract class RegistryConcurrencyCases {

    private static final int THREADS = 8;

    private final List<JdbcRegistryStorage> storages = new ArrayList<>();
    private final List<RegistryRules> instances = new ArrayList<>();
    private ExecutorService pool;

    /**
     * Opens one more storage on the test's database (the first call makes a new, empty database).
     *
     * @param first true for the first storage of a test
     * @return the storage
     */
    abstract JdbcRegistryStorage open(boolean first);

    @BeforeEach
    void twoInstances() {
        for (int i = 0; i < 2; i++) {
            JdbcRegistryStorage s = open(i == 0);
            storages.add(s);
            instances.add(new RegistryRules(s, RegistryOptions.defaults()));
        }
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void close() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        storages.forEach(JdbcRegistryStorage::close);
    }

    @Test
    void ofConcurrentClaimsOfOneThingExactlyOneWins() throws Exception {
        for (int round = 0; round < 10; round++) {
            List<MetaTag> tags = List.of(str("SN", "sn-" + round), str("MODEL", "Lamp"), str("KEY", "key-" + round));
            instances.get(round % 2).register(jid("lamp" + round + "@example.org/x"), new Register(tags, null, false));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<BareJid>>> claims = new ArrayList<>();
            List<Condition> refusals = new CopyOnWriteArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                RegistryRules rules = instances.get(i % 2);
                Jid owner = jid("owner" + i + "@example.org/phone");
                claims.add(pool.submit(() -> {
                    start.await();
                    try {
                        return Optional.of(
                                rules.claim(owner, new Mine(tags, null, true)).owner());
                    } catch (IotErrorException e) {
                        refusals.add(e.condition());
                        return Optional.empty();
                    }
                }));
            }
            start.countDown();
            List<BareJid> winners = new ArrayList<>();
            for (Future<Optional<BareJid>> f : claims) {
                f.get(60, TimeUnit.SECONDS).ifPresent(winners::add);
            }
            assertThat(winners).as("round %d", round).hasSize(1);
            assertThat(refusals).hasSize(THREADS - 1).containsOnly(Condition.item_not_found);
            ThingKey key = new ThingKey(JidCreate.bareFrom("lamp" + round + "@example.org"), null);
            for (JdbcRegistryStorage s : storages) {
                assertThat(s.inTransaction(tx -> tx.find(key))
                                .orElseThrow()
                                .owner()
                                .toString())
                        .isEqualTo(winners.get(0).toString());
            }
        }
    }

    @Test
    void concurrentRegisterUpdateAndRemoveOfTheSameThingsNeverCorrupt() throws Exception {
        List<Callable<Void>> work = new ArrayList<>();
        List<String> unexpected = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < THREADS; t++) {
            RegistryRules rules = instances.get(t % 2);
            Random random = new Random(t);
            int thread = t;
            work.add(() -> {
                start.await();
                for (int op = 0; op < 40; op++) {
                    Jid thing = jid("thing" + random.nextInt(3) + "@example.org/x");
                    try {
                        switch (random.nextInt(3)) {
                            case 0 ->
                                rules.register(thing, new Register(tagsOf(thread, op), null, random.nextBoolean()));
                            case 1 -> rules.update(thing, new Update(List.of(num("V", thread + "." + op)), null, null));
                            default -> rules.unregister(thing, new Unregister(null));
                        }
                    } catch (IotErrorException e) {
                        if (e.condition() != Condition.item_not_found) {
                            unexpected.add(e.toString());
                        }
                    } catch (RuntimeException e) {
                        unexpected.add(e.toString());
                    }
                }
                return null;
            });
        }
        List<Future<Void>> done = new ArrayList<>();
        work.forEach(w -> done.add(pool.submit(w)));
        start.countDown();
        for (Future<Void> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }
        assertThat(unexpected).isEmpty();
        for (int i = 0; i < 3; i++) {
            BareJid bare = JidCreate.bareFrom("thing" + i + "@example.org");
            int count = storages.get(0).inTransaction(tx -> tx.countByJid(bare));
            assertThat(count).isLessThanOrEqualTo(1);
            Optional<ThingRecord> r = storages.get(1).inTransaction(tx -> tx.find(new ThingKey(bare, null)));
            r.ifPresent(rec -> assertThat(rec.tags())
                    .extracting(MetaTag::key)
                    .contains("SN")
                    .doesNotHaveDuplicates()
                    .isSubsetOf("SN", "MODEL", "KEY", "V"));
            instances
                    .get(i % 2)
                    .register(jid("thing" + i + "@example.org/x"), new Register(tagsOf(99, i), null, false));
            assertThat(storages.get((i + 1) % 2)
                            .inTransaction(tx -> tx.find(new ThingKey(bare, null)))
                            .orElseThrow()
                            .tags())
                    .containsExactlyElementsOf(tagsOf(99, i));
        }
    }

    private static List<MetaTag> tagsOf(int thread, int op) {
        return List.of(
                str("SN", "sn-" + thread + "-" + op), str("MODEL", "m" + op % 5), str("KEY", "k-" + thread + op));
    }

    static Jid jid(String s) {
        return JidCreate.fromOrThrowUnchecked(s);
    }
}

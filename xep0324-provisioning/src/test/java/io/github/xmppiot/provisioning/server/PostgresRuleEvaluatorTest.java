package io.github.xmppiot.provisioning.server;

import io.github.xmppiot.testkit.PostgresServer;
import io.github.xmppiot.testkit.PostgresTest;

/** {@link RuleEvaluatorTest}'s XEP-0324 §3.3/§3.4 decisions, on rules stored in PostgreSQL. */
@PostgresTest
class PostgresRuleEvaluatorTest extends RuleEvaluatorTest {

    private final PostgresServer pg;

    PostgresRuleEvaluatorTest(PostgresServer pg) {
        this.pg = pg;
    }

    @Override
    JdbcProvisioningStore openStore() throws Exception {
        return JdbcProvisioningStore.postgresql(
                "postgresql://" + PostgresServer.HOST + ":" + pg.port() + "/" + pg.createDatabase("rules"),
                PostgresServer.USER,
                pg.password(),
                java.time.Duration.ofDays(1),
                java.time.Clock.systemUTC(),
                2);
    }
}

package io.github.xmppiot.discovery;

import io.github.xmppiot.testkit.EjabberdServer;
import io.github.xmppiot.testkit.EjabberdTest;
import io.github.xmppiot.testkit.PostgresServer;
import io.github.xmppiot.testkit.PostgresTest;
import org.junit.jupiter.api.Test;

/**
 * {@link RegistryInstancesIT} through ejabberd (the server of the large deployment in docs/servers.md): two registry
 * instances, two resources of one account, on one PostgreSQL database.
 */
@EjabberdTest
@PostgresTest
class EjabberdRegistryInstancesIT {

    @Test
    void twoInstancesOnOneDatabaseThroughEjabberd(EjabberdServer server, PostgresServer pg) throws Exception {
        RegistryInstancesIT.check(server, pg);
    }
}

package io.github.xmppiot.discovery.registry;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link RegistryRulesCases} on an H2 file database (a new file per test). */
class RegistryRulesTest extends RegistryRulesCases {

    @TempDir
    Path dir;

    @Override
    JdbcRegistryStorage open(boolean fresh) {
        return JdbcRegistryStorage.h2(dir.resolve("registry"));
    }
}

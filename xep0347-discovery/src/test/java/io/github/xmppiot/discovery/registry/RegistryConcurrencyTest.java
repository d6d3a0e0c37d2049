package io.github.xmppiot.discovery.registry;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link RegistryConcurrencyCases} on one H2 file opened twice in this process. */
class RegistryConcurrencyTest extends RegistryConcurrencyCases {

    @TempDir
    Path dir;

    @Override
    JdbcRegistryStorage open(boolean first) {
        return JdbcRegistryStorage.h2(dir.resolve("registry"));
    }
}

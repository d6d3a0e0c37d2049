package io.github.xmppiot.discovery.registry;

import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.discovery.element.Register;
import java.nio.file.Path;
import java.util.List;
import org.jxmpp.jid.impl.JidCreate;

/** Child process of {@link RegistryKillTest}: registers Things forever, printing {@code ACK n} after each commit. */
public final class RegistryKillChild {

    private RegistryKillChild() {}

    /**
     * Runs until killed.
     *
     * @param args the H2 database file, or a PostgreSQL URL (user and password from the environment variables
     *             {@code XMPP_IOT_DB_USER} and {@code XMPP_IOT_DB_PASSWORD})
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        JdbcRegistryStorage storage = args[0].startsWith("jdbc:postgresql:")
                ? JdbcRegistryStorage.postgresql(
                        args[0], System.getenv("XMPP_IOT_DB_USER"), System.getenv("XMPP_IOT_DB_PASSWORD"))
                : JdbcRegistryStorage.h2(Path.of(args[0]));
        RegistryRules rules = new RegistryRules(storage, RegistryOptions.defaults());
        for (int i = 0; ; i++) {
            rules.register(
                    JidCreate.from("t" + i + "@example.org/x"),
                    new Register(List.of(MetaTag.str("SN", "sn-" + i), MetaTag.str("KEY", "key-" + i)), null, false));
            System.out.println("ACK " + i);
            System.out.flush();
        }
    }
}

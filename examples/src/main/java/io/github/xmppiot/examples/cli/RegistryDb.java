package io.github.xmppiot.examples.cli;

import io.github.xmppiot.discovery.registry.JdbcRegistryStorage;
import io.github.xmppiot.discovery.registry.RegistryStorageException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The registry's {@code --db}: an H2 file (one registry instance) or {@code postgresql://host[:port]/database}
 * (several instances may share it). The database user and password never come from the command line: the user from
 * {@value #USER_ENV}, the password from {@code --db-password-file} (its first line) or {@value #PASSWORD_ENV}.
 */
final class RegistryDb {

    /** Environment variable with the database user. */
    static final String USER_ENV = "XMPP_IOT_DB_USER";
    /** Environment variable with the database password. */
    static final String PASSWORD_ENV = "XMPP_IOT_DB_PASSWORD";

    private RegistryDb() {
    }

    /**
     * Whether a {@code --db} value names a database server rather than a file.
     *
     * @param db the value
     * @return true for {@code postgresql://...}
     */
    static boolean isServer(String db) {
        String lower = db.toLowerCase(Locale.ROOT);
        return lower.startsWith("postgresql:") || lower.startsWith("jdbc:postgresql:");
    }

    /**
     * Opens the storage.
     *
     * @param db           the {@code --db} value
     * @param passwordFile {@code --db-password-file}, or null
     * @param env          the environment
     * @param warn         receives warnings
     * @return the storage
     * @throws CliException with {@link CliException#BAD_INPUT} naming the fix if the database cannot be used
     */
    static JdbcRegistryStorage open(String db, Path passwordFile, Function<String, String> env, Consumer<String> warn) {
        if (!isServer(db)) {
            if (passwordFile != null) {
                throw CliException.badInput("--db-password-file is for a database server (--db postgresql://...);"
                        + " an H2 file needs no password");
            }
            if (db.contains("://")) {
                throw CliException.badInput("unsupported --db " + db.replaceAll("//[^/@]*@", "//***@")
                        + ": give an H2 file path or postgresql://host[:port]/database");
            }
            return JdbcRegistryStorage.h2(Path.of(db));
        }
        String password = passwordFile != null ? PasswordFile.read(passwordFile, "--db-password-file", warn)
                : env.apply(PASSWORD_ENV);
        String user = env.apply(USER_ENV);
        try {
            return JdbcRegistryStorage.postgresql(db, user, password);
        } catch (IllegalArgumentException e) {
            throw CliException.badInput(e.getMessage());
        } catch (RegistryStorageException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw CliException.badInput("cannot use the registry database " + db + " (" + root.getMessage()
                    + "); check that PostgreSQL runs there and that the user (" + USER_ENV + ") and password ("
                    + PASSWORD_ENV + " or --db-password-file) are right");
        }
    }
}

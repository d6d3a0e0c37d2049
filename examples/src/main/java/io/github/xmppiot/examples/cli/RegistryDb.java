package io.github.xmppiot.examples.cli;

import io.github.xmppiot.discovery.registry.JdbcRegistryStorage;
import io.github.xmppiot.discovery.registry.RegistryStorageException;

/**
 * Opens the registry's storage from the shared {@link DatabaseOptions} ({@code --db}, {@code --db-user},
 * {@code --db-password-file}): an H2 file (one registry instance) or {@code postgresql://host[:port]/database} (several
 * instances may share it).
 */
final class RegistryDb {

    /** Environment variable with the database user. */
    static final String USER_ENV = DatabaseOptions.USER_ENV;
    /** Environment variable with the database password. */
    static final String PASSWORD_ENV = DatabaseOptions.PASSWORD_ENV;

    private RegistryDb() {}

    /**
     * Opens the storage.
     *
     * @param target the resolved {@code --db}
     * @return the storage
     * @throws CliException with {@link CliException#BAD_INPUT} naming the fix if the database cannot be used
     */
    static JdbcRegistryStorage open(DatabaseOptions.Target target) {
        if (target instanceof DatabaseOptions.H2File file) {
            return JdbcRegistryStorage.h2(file.file());
        }
        DatabaseOptions.Postgres pg = (DatabaseOptions.Postgres) target;
        try {
            return JdbcRegistryStorage.postgresql(pg.url(), pg.user(), pg.password());
        } catch (IllegalArgumentException e) {
            throw CliException.badInput(e.getMessage());
        } catch (RegistryStorageException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw CliException.badInput("cannot use the registry database " + pg.url() + " (" + root.getMessage()
                    + "); check that PostgreSQL runs there and that the user (--db-user or " + USER_ENV
                    + ") and password (" + PASSWORD_ENV + " or --db-password-file) are right");
        }
    }
}

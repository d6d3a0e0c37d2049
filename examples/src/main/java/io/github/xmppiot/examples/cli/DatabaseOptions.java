package io.github.xmppiot.examples.cli;

import io.github.xmppiot.core.internal.SqlDatabase;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The database options of the service commands ({@code provisioning}; written so that {@code registry} can mix it in
 * too): {@code --db} is an H2 file (one machine) or {@code postgresql://host[:port]/database} (several instances on
 * one database). The PostgreSQL user comes from {@code --db-user} or {@value #USER_ENV}; the password from
 * {@code --db-password-file FILE} (its first line; a warning if other users can read it) or {@value #PASSWORD_ENV},
 * never from the command line, where it would show in the process list.
 */
public final class DatabaseOptions {

    /** Environment variable holding the database user. */
    public static final String USER_ENV = "XMPP_IOT_DB_USER";
    /** Environment variable holding the database password. */
    public static final String PASSWORD_ENV = "XMPP_IOT_DB_PASSWORD";

    /** Where a command's data lives. */
    public sealed interface Target {
        /** @return the target for messages, without credentials */
        String describe();
    }

    /**
     * An embedded H2 file.
     *
     * @param file the database file, without H2's {@code .mv.db} suffix
     */
    public record H2File(Path file) implements Target {
        @Override
        public String describe() {
            return "in " + file;
        }
    }

    /**
     * A PostgreSQL database.
     *
     * @param url      {@code postgresql://host[:port]/database}, without credentials
     * @param user     the user, or {@code null} for the driver's default
     * @param password the password, or {@code null}
     */
    public record Postgres(String url, String user, String password) implements Target {
        @Override
        public String describe() {
            return "in " + url + (user != null ? " as " + user : "");
        }

        @Override
        public String toString() {
            return "Postgres[" + url + ", user=" + user + "]";
        }
    }

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(
            names = "--db",
            paramLabel = "FILE|URL",
            order = 50,
            description = "Where the data lives: an H2"
                    + " database FILE (created if missing, owner-only), or postgresql://host[:port]/database for several"
                    + " instances on one database (created beforehand; the command creates and upgrades the schema)."
                    + " Database user: --db-user or " + USER_ENV + "; password: --db-password-file or " + PASSWORD_ENV
                    + ", never in the URL.")
    private String db;

    @Option(
            names = "--db-user",
            paramLabel = "NAME",
            order = 51,
            description = "PostgreSQL user. Default: environment variable " + USER_ENV + ", else the driver's default.")
    private String user;

    @Option(
            names = "--db-password-file",
            paramLabel = "FILE",
            order = 52,
            description = "Read the PostgreSQL"
                    + " password from the first line of FILE (keep it owner-only: chmod 600). Default: environment variable "
                    + PASSWORD_ENV + ".")
    private Path passwordFile;

    /** @return whether {@code --db} was given */
    public boolean given() {
        return db != null;
    }

    /**
     * Resolves {@code --db} and the credentials.
     *
     * @return the target, or {@code null} if {@code --db} was not given
     * @throws CliException with {@link CliException#BAD_INPUT} naming the fix for unusable options
     */
    public Target target() {
        if (db == null) {
            if (user != null || passwordFile != null) {
                throw CliException.badInput("--db-user and --db-password-file need --db postgresql://host/database");
            }
            return null;
        }
        String lower = db.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("postgresql:") && !lower.startsWith("jdbc:postgresql:")) {
            if (lower.matches("[a-z][a-z0-9+.-]*://.*")) {
                throw CliException.badInput("--db " + db.replaceAll("//[^/@]*@", "//***@") + ": unsupported database;"
                        + " give an H2 file path or postgresql://host[:port]/database");
            }
            if (user != null || passwordFile != null) {
                throw CliException.badInput("--db-user and --db-password-file are for a PostgreSQL --db, not a file");
            }
            return new H2File(Path.of(db));
        }
        Function<String, String> env = XmppIot.environment(mixee);
        String u = user != null ? user : blankToNull(env.apply(USER_ENV));
        String password = passwordFile != null
                ? PasswordFile.read(passwordFile, "--db-password-file", this::warn)
                : blankToNull(env.apply(PASSWORD_ENV));
        try {
            SqlDatabase.Location.server(db, u, password);
        } catch (IllegalArgumentException e) {
            throw CliException.badInput("--db: " + e.getMessage());
        }
        return new Postgres(db, u, password);
    }

    private void warn(String message) {
        mixee.commandLine().getErr().println("WARNING: " + message);
        mixee.commandLine().getErr().flush();
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}

package io.github.xmppiot.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Opening embedded H2 file databases that hold secrets (owners, rules, tokens, decisions, the registry's KEYs) safely: the JDBC URL is
 * built from a path that cannot smuggle H2 settings in (a {@code ;} is refused), every write is on disk before the
 * call returns ({@code WRITE_DELAY=0}: an acknowledged change survives a kill of the process), no trace file is
 * written, and the database file and the directories created for it are owner-only ({@code rw-------},
 * {@code rwx------}) on POSIX file systems, whatever the process umask. Not API.
 */
public final class H2Files {

    /** The suffix H2 appends to the database name. */
    public static final String SUFFIX = ".mv.db";
    /** The settings every store adds: commit to disk before returning, no trace file. */
    public static final String DURABLE = ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0";

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");

    private H2Files() {}

    /**
     * Prepares an owner-only database file and returns its JDBC URL.
     *
     * @param file     the database file, without H2's {@code .mv.db} suffix
     * @param settings further H2 settings, each starting with {@code ;} (for example {@link #DURABLE})
     * @return the JDBC URL
     * @throws IllegalArgumentException if the path contains {@code ;}
     * @throws UncheckedIOException     if the file or its directory cannot be created
     */
    public static String fileUrl(Path file, String settings) {
        Path abs = file.toAbsolutePath().normalize();
        String name = abs.toString();
        if (name.indexOf(';') >= 0) {
            throw new IllegalArgumentException("the database path " + name + " contains ';', which H2 would read as"
                    + " the start of its settings: choose a path without ';'");
        }
        if (name.endsWith(SUFFIX)) {
            throw new IllegalArgumentException("give the database path without the " + SUFFIX + " suffix: "
                    + name.substring(0, name.length() - SUFFIX.length()));
        }
        try {
            createOwnerOnly(abs);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot create the database file " + abs + SUFFIX + ": " + e.getMessage(), e);
        }
        return "jdbc:h2:file:" + name + settings;
    }

    /** Creates missing parent directories {@code rwx------} and the database file {@code rw-------}. */
    private static void createOwnerOnly(Path abs) throws IOException {
        Path db = abs.resolveSibling(abs.getFileName() + SUFFIX);
        boolean posix = Files.getFileStore(existingAncestor(abs)).supportsFileAttributeView("posix");
        List<Path> missing = new ArrayList<>();
        for (Path d = abs.getParent(); d != null && !Files.exists(d); d = d.getParent()) {
            missing.add(0, d);
        }
        for (Path d : missing) {
            try {
                if (posix) {
                    Files.createDirectory(d, attribute(DIR));
                    Files.setPosixFilePermissions(d, DIR);
                } else {
                    Files.createDirectory(d);
                }
            } catch (FileAlreadyExistsException raced) {
                // created meanwhile by someone else: leave its permissions alone
            }
        }
        if (!posix) {
            return;
        }
        try {
            Files.createFile(db, attribute(FILE));
        } catch (FileAlreadyExistsException exists) {
            // an existing database: tighten it below
        }
        // createFile's attribute is filtered by the umask; set the permissions explicitly
        Files.setPosixFilePermissions(db, FILE);
    }

    private static Path existingAncestor(Path p) {
        Path d = p;
        while (d != null && !Files.exists(d)) {
            d = d.getParent();
        }
        return d == null ? p.getRoot() : d;
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> perms) {
        return PosixFilePermissions.asFileAttribute(perms);
    }
}

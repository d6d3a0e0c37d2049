package io.github.xmppiot.testkit.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds executables the way a shell does. Not API. */
public final class Executables {

    private Executables() {}

    /**
     * Resolves a command: a name containing a separator is taken as a path, anything else is searched on the
     * {@code PATH} and then in {@code /usr/bin} and {@code /usr/sbin}.
     *
     * @param command a name or a path
     * @return the executable file, or empty if there is none
     */
    public static Optional<Path> find(String command) {
        if (command.contains("/") || command.contains(File.separator)) {
            Path p = Path.of(command);
            return isExecutable(p) ? Optional.of(p.toAbsolutePath()) : Optional.empty();
        }
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.add("/usr/bin");
        dirs.add("/usr/sbin");
        for (String dir : dirs) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, command);
                if (isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isExecutable(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p);
    }
}

package io.github.xmppiot.examples.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.function.Consumer;

/** Reads a password file ({@code --password-file}, {@code --db-password-file}): its first line, without its line end. */
final class PasswordFile {

    private PasswordFile() {}

    /**
     * Reads the password.
     *
     * @param file the file
     * @param warn receives a warning if other users may read the file
     * @return the password
     * @throws CliException with {@link CliException#BAD_INPUT} if the file cannot be read or its first line is empty
     */
    static String read(Path file, Consumer<String> warn) {
        return read(file, "--password-file", warn);
    }

    /**
     * Reads a password file given by another option.
     *
     * @param file   the file
     * @param option the option's name, for messages
     * @param warn   receives a warning if other users may read the file
     * @return the password
     * @throws CliException with {@link CliException#BAD_INPUT} if the file cannot be read or its first line is empty
     */
    static String read(Path file, String option, Consumer<String> warn) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliException.badInput("cannot read " + option + " " + file + " ("
                    + e.getClass().getSimpleName() + "); give a readable file whose first line is the password");
        }
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        if (line.isEmpty()) {
            throw CliException.badInput(option + " " + file + " is empty; its first line must be the password");
        }
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
                warn.accept(option + " " + file + " can be read by other users; run chmod 600 " + file);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: nothing to check
        }
        return line;
    }
}

package ai.foresight.experiments.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * The bearer token the server requires, read from a file so it never appears in a command line or a shell history.
 * The file holds one token; surrounding whitespace (a trailing newline) is ignored.
 */
public final class TokenFile {
    private TokenFile() {
    }

    /**
     * Reads the token in {@code file}.
     *
     * @throws IllegalArgumentException naming {@code --token-file} when the file is missing, empty or holds more than one
     *                                  word
     */
    public static String read(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("--token-file: expected a readable file holding the token, got '" + file
                    + "' (" + e.getClass().getSimpleName() + ")");
        }
        if (content.isEmpty() || content.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("--token-file: expected one token without whitespace in '" + file + "', got "
                    + (content.isEmpty() ? "an empty file" : "several words"));
        }
        return content;
    }

    /** Whether users other than the owner may read {@code file} (false where POSIX permissions are unknown). */
    public static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            return p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}

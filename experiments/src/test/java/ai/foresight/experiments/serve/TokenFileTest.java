package ai.foresight.experiments.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFileTest {
    @TempDir
    Path tmp;

    @Test
    void readsOneTokenAndIgnoresTheTrailingNewline() throws IOException {
        Path file = Files.writeString(tmp.resolve("token"), "s3cret-Token_1\n");
        assertEquals("s3cret-Token_1", TokenFile.read(file));
    }

    @Test
    void rejectsMissingEmptyAndSeveralWordFilesNamingTheFlag() throws IOException {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> TokenFile.read(tmp.resolve("nope")));
        assertTrue(missing.getMessage().startsWith("--token-file: expected a readable file"), missing.getMessage());
        Path empty = Files.writeString(tmp.resolve("empty"), "  \n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TokenFile.read(empty)).getMessage()
                .endsWith("got an empty file"));
        Path two = Files.writeString(tmp.resolve("two"), "a b\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TokenFile.read(two)).getMessage()
                .endsWith("got several words"));
    }

    @Test
    void permissionsReadableByOthersAreDetected() throws IOException {
        Path file = Files.writeString(tmp.resolve("token"), "t");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertFalse(TokenFile.readableByOthers(file));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertTrue(TokenFile.readableByOthers(file));
    }
}

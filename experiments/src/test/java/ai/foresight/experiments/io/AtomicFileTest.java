package ai.foresight.experiments.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path tmp;

    private List<Path> listing() throws IOException {
        try (var files = Files.list(tmp)) {
            return files.sorted().toList();
        }
    }

    @Test
    void writesContentAndCreatesParents() throws IOException {
        Path file = tmp.resolve("a/b/result.json");
        AtomicFile.write(file, out -> Files.writeString(out, "{}"));
        assertEquals("{}", Files.readString(file));
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoLitter() throws IOException {
        Path file = tmp.resolve("result.json");
        Files.writeString(file, "old");
        assertThrows(IOException.class, () -> AtomicFile.write(file, out -> {
            Files.writeString(out, "half");
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(file));
        assertEquals(List.of(file), listing());
    }

    @Test
    void permissionsFollowTheUmaskLikeAnyNewFile() throws IOException {
        Path plain = Files.createFile(tmp.resolve("plain"));
        Path atomic = tmp.resolve("atomic");
        AtomicFile.write(atomic, out -> Files.writeString(out, "x"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(atomic));
    }
}

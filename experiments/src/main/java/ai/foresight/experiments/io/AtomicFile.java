package ai.foresight.experiments.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that readers see either the old file or the complete new one, never half of it:
 * the content goes to a hidden sibling first, which is then renamed over the target. The sibling is
 * created with the process's ordinary permissions (umask), unlike {@code Files.createTempFile},
 * whose owner-only files would make results unreadable to others.
 */
public final class AtomicFile {
    private AtomicFile() {}

    /** Writes the content of a file at the path it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path file) throws IOException;
    }

    /** Writes {@code file} through {@code content}, creating parent directories as needed. */
    public static void write(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Thread.currentThread().getId() + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            content.writeTo(tmp);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}

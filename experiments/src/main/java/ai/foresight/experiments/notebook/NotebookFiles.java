package ai.foresight.experiments.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where a notebook session writes its pictures and data: {@code notebook-out/} under the working
 * directory, or the folder named by the system property {@code foresight.notebook.out}. Pictures are
 * numbered in the order a session makes them ({@code 01-plan-cem.gif}, {@code 02-world.png}, …), so a
 * re-run of a notebook overwrites its own files and nothing else.
 */
public final class NotebookFiles {
    /** System property naming the output folder. */
    public static final String PROPERTY = "foresight.notebook.out";

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private NotebookFiles() {}

    /** The output folder (created on first use). */
    public static Path directory() {
        Path dir = Path.of(System.getProperty(PROPERTY, "notebook-out"));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("notebook output folder " + dir.toAbsolutePath() + ": could not create it", e);
        }
        return dir;
    }

    /** The next numbered file, e.g. {@code notebook-out/03-plan-cem.gif} for {@code ("plan-cem", "gif")}. */
    public static Path next(String label, String extension) {
        String clean = label == null || label.isBlank() ? "picture" : label.replaceAll("[^A-Za-z0-9._-]+", "-");
        return directory().resolve(String.format("%02d-%s.%s", COUNTER.incrementAndGet(), clean, extension));
    }

    /** A sub-folder of the output folder, e.g. for generated datasets and trained models. */
    public static Path folder(String name) {
        return directory().resolve(name);
    }
}

package ai.foresight.encoders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.datasets.generate.DatasetGenerator;
import ai.foresight.datasets.generate.GenerateSpec;
import ai.foresight.datasets.image.Frame;
import ai.foresight.datasets.store.Dataset;
import ai.foresight.datasets.store.DatasetManifest;
import ai.foresight.datasets.store.DatasetWriter;
import ai.foresight.datasets.store.StoreConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFrameSourceTest {
    @TempDir
    static Path tmp;
    static Path original;

    @BeforeAll
    static void generate() throws IOException {
        original = tmp.resolve("wall");
        DatasetGenerator.generate(new GenerateSpec("wall", 3, 4, 16, List.of("tv"), 1), original, n -> { });
    }

    @Test
    void readsTheStoredFramesOfEachView() throws IOException {
        Dataset dataset = Dataset.open(original);
        DatasetFrameSource observed = DatasetFrameSource.of(dataset);
        DatasetFrameSource clean = DatasetFrameSource.of(dataset, DatasetFrameSource.View.CLEAN, 0);
        assertEquals(3, observed.episodes());
        assertEquals(12, observed.totalFrames());
        for (int e = 0; e < 3; e++) {
            assertEquals(4, observed.length(e));
            for (int t = 0; t < 4; t++) {
                assertEquals(dataset.episode(e).frame(t), observed.frame(e, t));
                assertEquals(dataset.episode(e).cleanFrame(t), clean.frame(e, t));
                assertEquals(observed.frame(e, t), observed.frames(e).get(t));
            }
        }
        assertNotEquals(observed.frame(1, 2), clean.frame(1, 2), "the tv distractor changes the observed frame");
        assertNotEquals(observed.checksum(), clean.checksum());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> observed.frame(3, 0));
        assertEquals("episode: expected 0..2, got 3", bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> observed.frame(0, 4));
    }

    @Test
    void checksumIsTheSameForTheSameDataAndChangesWhenAFileChanges() throws IOException {
        Path copy = copyOf(original, "copy");
        String before = DatasetFrameSource.open(original).checksum();
        assertEquals(before, DatasetFrameSource.open(copy).checksum(), "same files, same checksum");
        assertEquals(before, DatasetFrameSource.checksumOf(Dataset.open(original).manifest(), DatasetFrameSource.View.OBSERVED));

        // Replace episode 1's file with episode 2's content through the store, as a regeneration would.
        Dataset old = Dataset.open(copy);
        DatasetManifest m = old.manifest();
        DatasetWriter writer = new DatasetWriter(copy, m.layout(), StoreConfig.tiny());
        writer.write(1, old.episode(2));
        List<DatasetWriter.EpisodeSummary> summaries = new ArrayList<>();
        for (int i = 0; i < m.episodes(); i++) {
            summaries.add(writer.summarizeExisting(i));
        }
        writer.finish(m.world(), m.env(), m.generator(), m.seedRule(), summaries);

        DatasetFrameSource changed = DatasetFrameSource.open(copy);
        assertNotEquals(before, changed.checksum(), "a changed episode file changes the checksum");
        assertEquals(DatasetFrameSource.open(original).frames(2), changed.frames(1));
        assertEquals(DatasetFrameSource.open(original).frames(0), changed.frames(0));
    }

    @Test
    void aFileEditedBehindTheManifestFailsLoudly() throws IOException {
        Path copy = copyOf(original, "tampered");
        Path file = copy.resolve(DatasetWriter.episodePath(1));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x55; // same size, different content
        Files.write(file, bytes);
        DatasetFrameSource source = DatasetFrameSource.open(copy);
        assertEquals(DatasetFrameSource.open(original).checksum(), source.checksum(), "the manifest did not change");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> source.frame(1, 0));
        assertTrue(e.getMessage().contains("episodes/ep-000001.npz: sha256: checksum mismatch"), e.getMessage());
        Frame fine = source.frame(0, 0);
        assertEquals(16, fine.height());
    }

    @Test
    void concatenatesSourcesInOrderWithAnOrderSensitiveChecksum() throws IOException {
        Path other = tmp.resolve("pointmaze");
        DatasetGenerator.generate(new GenerateSpec("pointmaze", 2, 3, 16, List.of(), 2), other, n -> { });
        DatasetFrameSource a = DatasetFrameSource.open(original);
        DatasetFrameSource b = DatasetFrameSource.open(other);
        FrameSource ab = ConcatenatedFrameSource.of(List.of(a, b));
        FrameSource ba = ConcatenatedFrameSource.of(List.of(b, a));
        assertEquals(5, ab.episodes());
        assertEquals(12 + 6, ab.totalFrames());
        assertEquals(3, ab.length(3));
        assertEquals(b.frame(1, 2), ab.frame(4, 2));
        assertEquals(a.frame(2, 3), ab.frame(2, 3));
        assertEquals(a.frame(0, 1), ba.frame(2, 1));
        assertNotEquals(ab.checksum(), ba.checksum());
        assertEquals(a, ConcatenatedFrameSource.of(List.of(a)));
        assertThrows(IllegalArgumentException.class, () -> ab.frame(5, 0));
        assertThrows(IllegalArgumentException.class, () -> ConcatenatedFrameSource.of(List.of()));
    }

    private static Path copyOf(Path dir, String name) throws IOException {
        Path target = tmp.resolve(name);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(dir.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }
}

package ai.foresight.datasets.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write that fails midway leaves neither a partial target nor a temporary file behind. */
class AtomicFileWriterTest {

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void failingBodyLeavesNoFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("ep-000000.npz");
        IOException e = assertThrows(IOException.class, () -> AtomicFileWriter.write(target, true, out -> {
            out.write(new byte[200_000]);
            throw new IOException("disk full (simulated)");
        }));
        assertEquals("disk full (simulated)", e.getMessage());
        assertEquals(List.of(), listing(dir));
    }

    @Test
    void failingBodyKeepsThePreviousContent(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("dataset.json");
        AtomicFileWriter.write(target, false, out -> out.write("old".getBytes()));
        assertThrows(IllegalStateException.class, () -> AtomicFileWriter.write(target, false, out -> {
            out.write("new but half".getBytes());
            throw new IllegalStateException("crash");
        }));
        assertArrayEquals("old".getBytes(), Files.readAllBytes(target));
        assertEquals(List.of(target), listing(dir));
    }

    @Test
    void episodeRejectedMidwayByValidationLeavesNoFile(@TempDir Path dir) throws Exception {
        EpisodeLayout l = TestEpisodes.layout(false);
        DatasetWriter w = new DatasetWriter(dir, l, StoreConfig.tiny());
        Episode good = TestEpisodes.random(l, 1);
        float[] reward = good.reward().clone();
        reward[2] = Float.POSITIVE_INFINITY;
        Episode bad = new Episode(good.length(), good.height(), good.width(), good.obs(), null, good.actionDim(),
                good.action(), good.proprioDim(), good.proprio(), good.stateDim(), good.state(), reward);
        var e = assertThrows(IllegalArgumentException.class, () -> w.write(0, bad));
        assertEquals("reward[2][0]: expected a finite number, got Infinity", e.getMessage());
        assertEquals(List.of(), listing(dir.resolve("episodes")));
    }

    @Test
    void reportsChecksumAndSizeOfWhatWasWritten(@TempDir Path dir) throws Exception {
        byte[] payload = new byte[100_003];
        new java.util.Random(3).nextBytes(payload);
        Path target = dir.resolve("x.bin");
        AtomicFileWriter.Written w = AtomicFileWriter.write(target, true, out -> {
            out.write(payload, 0, 50_000);
            out.write(payload[50_000]);
            out.write(payload, 50_001, payload.length - 50_001);
        });
        assertEquals(payload.length, w.bytes());
        assertEquals(AtomicFileWriter.sha256Hex(Files.readAllBytes(target)), w.sha256());
        assertFalse(listing(dir).stream().anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }

    @Test
    void fileBodiesWriteThroughATemporaryPathAndCreateParents(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("a/b/result.json");
        AtomicFileWriter.writeFile(file, tmp -> Files.writeString(tmp, "{}"));
        assertEquals("{}", Files.readString(file));
        assertEquals(List.of(file), listing(file.getParent()));
    }

    @Test
    void aFailedFileBodyLeavesTheOldFileAndNoLitter(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("result.json");
        Files.writeString(file, "old");
        assertThrows(IOException.class, () -> AtomicFileWriter.writeFile(file, tmp -> {
            Files.writeString(tmp, "half");
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(file));
        assertEquals(List.of(file), listing(dir));
    }

    @Test
    void permissionsFollowTheUmaskLikeAnyNewFile(@TempDir Path dir) throws IOException {
        Path plain = Files.createFile(dir.resolve("plain"));
        Path streamed = dir.resolve("streamed");
        Path viaFile = dir.resolve("via-file");
        AtomicFileWriter.writeString(streamed, "x");
        AtomicFileWriter.writeFile(viaFile, tmp -> Files.writeString(tmp, "x"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(streamed),
                "not Files.createTempFile's owner-only permissions");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(viaFile));
    }
}

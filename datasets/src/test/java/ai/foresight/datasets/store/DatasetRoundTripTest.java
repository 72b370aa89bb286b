package ai.foresight.datasets.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.datasets.env.EnvSpec;
import ai.foresight.datasets.generate.GenerateSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is written is what is read back, field by field, with a manifest that describes it. */
class DatasetRoundTripTest {

    static EnvSpec spec(EpisodeLayout l) {
        return new EnvSpec("dot", l.height(), l.width(), new double[] {-1, -1}, new double[] {1, 1},
                List.of("x", "y"), List.of("px", "py", "pz"), 1.5);
    }

    /** Writes {@code n} random episodes (seeds 100+i) and the manifest. */
    static DatasetManifest writeDataset(Path dir, EpisodeLayout l, int n, StoreConfig cfg) throws Exception {
        DatasetWriter w = new DatasetWriter(dir, l, cfg);
        List<DatasetWriter.EpisodeSummary> sums = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sums.add(w.write(i, TestEpisodes.random(l, 100 + i)));
        }
        return w.finish("dot", spec(l), new GenerateSpec("dot", n, l.steps(), 16, List.of("tv"), 7), "test", sums);
    }

    @Test
    void everyFieldRoundTrips(@TempDir Path dir) throws Exception {
        for (StoreConfig cfg : List.of(StoreConfig.tiny(), StoreConfig.defaults())) {
            Path d = dir.resolve("level" + cfg.compressionLevel());
            EpisodeLayout l = TestEpisodes.layout(true);
            DatasetManifest written = writeDataset(d, l, 3, cfg);
            Dataset ds = Dataset.open(d);
            assertEquals(written, ds.manifest(), "manifest survives its JSON round trip");
            assertEquals(3, ds.size());
            for (int i = 0; i < 3; i++) {
                Episode want = TestEpisodes.random(l, 100 + i);
                Episode got = ds.episode(i);
                assertArrayEquals(want.obs(), got.obs());
                assertArrayEquals(want.obsClean(), got.obsClean());
                assertArrayEquals(want.action(), got.action());
                assertArrayEquals(want.proprio(), got.proprio());
                assertArrayEquals(want.state(), got.state());
                assertArrayEquals(want.reward(), got.reward());
                assertEquals(want.toString(), got.toString());
            }
        }
    }

    @Test
    void withoutCleanFramesThereIsNoObsCleanEntry(@TempDir Path dir) throws Exception {
        EpisodeLayout l = TestEpisodes.layout(false);
        writeDataset(dir, l, 1, StoreConfig.tiny());
        Map<String, byte[]> entries = NpzReader.read(Files.readAllBytes(dir.resolve("episodes/ep-000000.npz")), "x");
        assertEquals(List.of("obs", "action", "proprio", "state", "reward"), List.copyOf(entries.keySet()));
        assertNull(Dataset.open(dir).episode(0).obsClean());
    }

    @Test
    void npzEntriesCarryValidNpyHeadersMatchingTheManifest(@TempDir Path dir) throws Exception {
        EpisodeLayout l = TestEpisodes.layout(true);
        DatasetManifest m = writeDataset(dir, l, 1, StoreConfig.defaults());
        Map<String, byte[]> entries = NpzReader.read(Files.readAllBytes(dir.resolve("episodes/ep-000000.npz")), "x");
        assertEquals(List.of("obs", "obs_clean", "action", "proprio", "state", "reward"), List.copyOf(entries.keySet()));
        for (var e : entries.entrySet()) {
            NpyHeader h = NpyHeader.parse(e.getValue(), "x", e.getKey());
            FieldSpec want = m.fields().get(e.getKey());
            assertEquals(want.dtype(), h.descr(), e.getKey());
            assertEquals(want.shape(), h.shapeList(), e.getKey());
            assertEquals(false, h.fortranOrder());
            assertEquals(0, h.dataOffset() % 64);
        }
        assertEquals(List.of(6L, 8L, 10L, 3L), m.fields().get("obs").shape());
        assertEquals(List.of(6L), m.fields().get("reward").shape());
    }

    @Test
    void manifestStatsMatchADirectComputation(@TempDir Path dir) throws Exception {
        EpisodeLayout l = TestEpisodes.layout(false);
        DatasetManifest m = writeDataset(dir, l, 4, StoreConfig.tiny());
        for (int d = 0; d < l.proprioDim(); d++) {
            double sum = 0;
            double sq = 0;
            int n = 0;
            for (int i = 0; i < 4; i++) {
                float[] p = TestEpisodes.random(l, 100 + i).proprio();
                for (int t = 0; t < l.steps(); t++) {
                    double x = p[t * l.proprioDim() + d];
                    sum += x;
                    sq += x * x;
                    n++;
                }
            }
            double mean = sum / n;
            assertEquals(mean, m.proprioStats().mean()[d], 1e-9);
            assertEquals(Math.sqrt(sq / n - mean * mean), m.proprioStats().std()[d], 1e-9);
        }
        assertEquals(2, m.actionStats().dim());
    }

    @Test
    void sameEpisodesGiveSameBytes(@TempDir Path dir) throws Exception {
        EpisodeLayout l = TestEpisodes.layout(true);
        DatasetManifest a = writeDataset(dir.resolve("a"), l, 2, StoreConfig.defaults());
        DatasetManifest b = writeDataset(dir.resolve("b"), l, 2, StoreConfig.defaults());
        assertEquals(a.files(), b.files(), "fixed zip timestamps make files reproducible");
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/dataset.json")), Files.readAllBytes(dir.resolve("b/dataset.json")));
        String json = Files.readString(dir.resolve("a/dataset.json"));
        assertTrue(json.contains("\"schema_version\" : 1"), json);
        assertTrue(json.contains("\"success_threshold\" : 1.5"), json);
        assertTrue(json.contains("\"sha256\""), json);
    }
}

package ai.foresight.datasets.window;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.datasets.generate.DatasetGenerator;
import ai.foresight.datasets.generate.DotWorlds;
import ai.foresight.datasets.generate.GenerateSpec;
import ai.foresight.datasets.generate.GeneratorConfig;
import ai.foresight.datasets.store.Dataset;
import ai.foresight.datasets.store.Episode;
import ai.foresight.datasets.store.EpisodeLayout;
import ai.foresight.datasets.store.EpisodeSource;
import ai.foresight.datasets.store.FieldStats;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Window layout, action concatenation, normalisation, splitting and shuffling on hand-made episodes. */
class WindowSamplerTest {
    private static final int T = 12;
    private static final EpisodeLayout LAYOUT = new EpisodeLayout(T, 2, 2, 2, 1, 1, true);

    /**
     * Episode e: every pixel of frame t is 10·e + t (clean frame: +100), action t = (t, 100 + t) + 1000·e,
     * proprio t = 2t, state t = 10t + 1000e, reward t = -t.
     */
    static Episode handMade(int e) {
        byte[] obs = new byte[T * 12];
        byte[] clean = new byte[T * 12];
        float[] action = new float[T * 2];
        float[] proprio = new float[T];
        double[] state = new double[T];
        float[] reward = new float[T];
        for (int t = 0; t < T; t++) {
            java.util.Arrays.fill(obs, t * 12, t * 12 + 12, (byte) (10 * e + t));
            java.util.Arrays.fill(clean, t * 12, t * 12 + 12, (byte) (100 + 10 * e + t));
            action[2 * t] = t + 1000 * e;
            action[2 * t + 1] = 100 + t + 1000 * e;
            proprio[t] = 2 * t;
            state[t] = 10 * t + 1000 * e;
            reward[t] = -t;
        }
        return new Episode(T, 2, 2, obs, clean, 2, action, 1, proprio, 1, state, reward);
    }

    /** An in-memory source of {@code n} hand-made episodes, counting reads. */
    static final class Source implements EpisodeSource {
        final int n;
        int reads;

        Source(int n) {
            this.n = n;
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public EpisodeLayout layout() {
            return LAYOUT;
        }

        @Override
        public Episode episode(int i) {
            reads++;
            return handMade(i);
        }
    }

    private static WindowConfig config(int h, int k, int n, int batch, boolean normalize) {
        return new WindowConfig(h, k, n, batch, 0.0, 9, normalize, false, 100);
    }

    @Test
    void framesAreSpacedByTheFrameskipAndActionsConcatenated() throws Exception {
        // H=2, k=3, n=1: F=3 frames at s, s+3, s+6; the window covers 9 steps, so 12-9+1 = 4 starts
        WindowSampler s = new WindowSampler(new Source(2), List.of(0, 1), config(2, 3, 1, 8, false),
                Normalizer.identity(2, 1));
        assertEquals(8, s.windows());
        WindowBatch b = s.gather(new int[] {6});
        assertEquals(1, b.episode()[0]);
        assertEquals(2, b.start()[0]);
        assertEquals(3, b.frames());
        assertEquals(6, b.actionWidth());
        for (int j = 0; j < 3; j++) {
            int t = 2 + 3 * j;
            assertEquals(10 + t, b.frame(0, j).get(1, 1, 2), "frame " + j + " is step " + t);
            float[] want = {t + 1000, 100 + t + 1000, t + 1 + 1000, 101 + t + 1000, t + 2 + 1000, 102 + t + 1000};
            assertArrayEquals(want, b.actionsAt(0, j), "actions from frame " + j);
            assertEquals(2f * t, b.proprioAt(0, j)[0]);
            assertEquals(10.0 * t + 1000, b.state()[j]);
            assertEquals(-t, b.reward()[j]);
            assertEquals((byte) (110 + t), b.obsClean()[j * 12]);
        }
    }

    @Test
    void batchShapesAreDocumented() throws Exception {
        WindowSampler s = new WindowSampler(new Source(3), List.of(0, 1, 2), config(3, 2, 1, 5, false),
                Normalizer.identity(2, 1));
        WindowBatch b = s.batch(0, 0);
        int bs = 5;
        int f = 4;
        assertEquals(bs * f * 2 * 2 * 3, b.obs().length, "(B, F, H, W, 3)");
        assertEquals(bs * f * 2 * 2, b.actions().length, "(B, F, k·A)");
        assertEquals(bs * f, b.proprio().length, "(B, F, P)");
        assertEquals(bs * f, b.state().length, "(B, F, S)");
        assertEquals(bs * f, b.reward().length, "(B, F)");
        assertEquals(3 * (T - 8 + 1), s.windows());
        assertEquals(3, s.batchesPerEpoch());
        assertEquals(5, s.batch(0, 2).batch(), "15 windows: the last batch holds 5");
    }

    @Test
    void normalisationUsesTheStatistics() throws Exception {
        Normalizer n = new Normalizer(new FieldStats(new double[] {1, 100}, new double[] {2, 0.5}),
                new FieldStats(new double[] {4}, new double[] {0}));
        WindowSampler s = new WindowSampler(new Source(1), List.of(0), config(1, 2, 1, 1, true), n);
        WindowBatch b = s.gather(new int[] {3});
        assertArrayEquals(new float[] {(3 - 1) / 2f, (103 - 100) / 0.5f, (4 - 1) / 2f, (104 - 100) / 0.5f},
                b.actionsAt(0, 0), 1e-6f);
        assertEquals(2 * 3 - 4, b.proprioAt(0, 0)[0], 1e-6, "a zero std only centres");
        assertEquals(10.0 * 3, b.state()[0], "state is never normalised");
        float[] back = b.actionsAt(0, 1);
        n.denormalizeActions(back);
        assertArrayEquals(new float[] {5, 105, 6, 106}, back, 1e-5f);
    }

    @Test
    void anEpochVisitsEveryWindowOnceInASeededOrder() throws Exception {
        WindowSampler s = new WindowSampler(new Source(3), List.of(0, 2), config(1, 2, 1, 4, false),
                Normalizer.identity(2, 1));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < s.batchesPerEpoch(); i++) {
            WindowBatch b = s.batch(5, i);
            for (int w = 0; w < b.batch(); w++) {
                assertTrue(seen.add(b.episode()[w] + "/" + b.start()[w]), "a window came twice");
                assertNotEquals(1, b.episode()[w], "episode 1 is not in the list");
            }
        }
        assertEquals(2 * (T - 4 + 1), seen.size());
        assertArrayEquals(s.epochOrder(5), s.epochOrder(5));
        assertNotEquals(java.util.Arrays.toString(s.epochOrder(5)), java.util.Arrays.toString(s.epochOrder(6)));
        WindowSampler same = new WindowSampler(new Source(3), List.of(0, 2), config(1, 2, 1, 4, false),
                Normalizer.identity(2, 1));
        assertArrayEquals(s.epochOrder(5), same.epochOrder(5), "same seed, same order");
    }

    @Test
    void episodesAreCachedLeastRecentlyUsedFirst() throws Exception {
        Source src = new Source(3);
        WindowSampler s = new WindowSampler(src, List.of(0, 1, 2), new WindowConfig(1, 2, 1, 4, 0, 0, false, false, 2),
                Normalizer.identity(2, 1));
        int w = T - 4 + 1;
        s.gather(new int[] {0, 1, w, 0});
        assertEquals(2, src.reads);
        s.gather(new int[] {2 * w});
        assertEquals(3, src.reads);
        s.gather(new int[] {0});
        assertEquals(3, src.reads, "episode 0 was used last of the two kept");
        s.gather(new int[] {w});
        assertEquals(4, src.reads, "episode 1 had been evicted");
    }

    @Test
    void splitIsByEpisodeSeededAndComplete() {
        EpisodeSplit a = EpisodeSplit.of(20, 0.25, 1);
        assertEquals(5, a.validation().size());
        assertEquals(15, a.train().size());
        Set<Integer> all = new HashSet<>(a.train());
        all.addAll(a.validation());
        assertEquals(20, all.size());
        assertEquals(a, EpisodeSplit.of(20, 0.25, 1));
        assertNotEquals(a, EpisodeSplit.of(20, 0.25, 2));
        assertEquals(1, EpisodeSplit.of(3, 0.01, 1).validation().size(), "a positive fraction holds out at least one");
        assertEquals(List.of(), EpisodeSplit.of(3, 0, 1).validation());
    }

    @Test
    void badWindowsAreClearErrors() {
        var e = assertThrows(IllegalArgumentException.class, () -> new WindowSampler(new Source(1), List.of(0),
                config(3, 5, 1, 4, false), Normalizer.identity(2, 1)));
        assertEquals("window: (history 3 + predict 1) x frameskip 5 = 20 steps, longer than the episodes' 12",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new WindowConfig(0, 1, 1, 1, 0, 0, true, false, 1));
        var idx = assertThrows(IllegalArgumentException.class, () -> new WindowSampler(new Source(2), List.of(0, 2),
                config(1, 1, 1, 1, false), Normalizer.identity(2, 1)));
        assertEquals("episodes[1]: expected 0..1, got 2", idx.getMessage());
    }

    @Test
    void samplesAGeneratedDatasetWithItsManifestStatistics(@TempDir Path dir) throws Exception {
        DatasetGenerator.generate(new GenerateSpec("dot", 8, 10, 16, List.of(), 3), dir, n -> {},
                GeneratorConfig.tiny(), new DotWorlds());
        Dataset ds = Dataset.open(dir);
        WindowConfig cfg = WindowConfig.tiny();
        WindowSampler train = WindowSampler.train(ds, cfg);
        WindowSampler val = WindowSampler.validation(ds, cfg);
        assertEquals(6 * (10 - 4 + 1), train.windows());
        assertEquals(2 * (10 - 4 + 1), val.windows());
        WindowBatch b = train.batch(0, 0);
        assertNull(b.obsClean());
        Episode ep = ds.episode(b.episode()[0]);
        FieldStats st = ds.manifest().actionStats();
        float raw = ep.action()[b.start()[0] * 2 + 1];
        assertEquals((raw - st.mean()[1]) / st.std()[1], b.actions()[1], 1e-5);
        assertEquals(ep.frame(b.start()[0] + 2), b.frame(0, 1));
    }
}

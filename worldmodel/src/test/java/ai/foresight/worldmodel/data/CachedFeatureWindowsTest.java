package ai.foresight.worldmodel.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.foresight.datasets.generate.DatasetGenerator;
import ai.foresight.datasets.generate.GenerateSpec;
import ai.foresight.datasets.image.Frame;
import ai.foresight.datasets.store.Dataset;
import ai.foresight.datasets.store.Episode;
import ai.foresight.encoders.FrameSource;
import ai.foresight.encoders.cache.FeatureCache;
import ai.foresight.encoders.cache.FeatureCacheConfig;
import ai.foresight.encoders.vit.VitConfig;
import ai.foresight.encoders.vit.VitPatchEncoder;
import ai.foresight.worldmodel.train.WindowBatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachedFeatureWindowsTest {
    private static final int EPISODES = 4;
    private static final int STEPS = 12;

    @TempDir
    static Path tmp;
    static Dataset dataset;
    static FeatureCache cache;

    @BeforeAll
    static void encodeTinyWallDataset() throws Exception {
        Path dir = tmp.resolve("wall");
        DatasetGenerator.generate(new GenerateSpec("wall", EPISODES, STEPS, 32, List.of(), 3), dir, done -> { });
        dataset = Dataset.open(dir);
        List<List<Frame>> frames = new ArrayList<>();
        for (int e = 0; e < EPISODES; e++) {
            Episode ep = dataset.episode(e);
            List<Frame> list = new ArrayList<>();
            for (int t = 0; t < STEPS; t++) {
                list.add(ep.frame(t));
            }
            frames.add(list);
        }
        try (VitPatchEncoder encoder = VitPatchEncoder.create(VitConfig.tiny(), 1, Device.cpu())) {
            cache = FeatureCache.open(tmp.resolve("cache"), encoder, FrameSource.of(frames), FeatureCacheConfig.tiny());
        }
    }

    @Test
    void windowsCarryCachedFeaturesAndTheConcatenatedDatasetActions() throws Exception {
        CachedWindowsConfig config = new CachedWindowsConfig(2, 3, 2, 0.25, 0L, 1L << 20);
        CachedFeatureWindows windows = CachedFeatureWindows.train(dataset, cache, config);
        assertEquals(4, windows.windowFrames());
        assertEquals(3 * (STEPS - 4 * 3 + 1), windows.windows(), "3 training episodes, T - (H+n)k + 1 windows each");
        DataNormalization norm = DataNormalization.fromManifest(dataset.manifest());
        int[] ids = {0, 1, windows.windows() - 1};
        try (NDManager m = NDManager.newBaseManager()) {
            WindowBatch batch = windows.windows(m, ids);
            int n = cache.metadata().tokens();
            int d = cache.metadata().dim();
            assertEquals(new Shape(3, 4, n, d), batch.features().getShape());
            assertEquals(new Shape(3, 3, 3 * 2), batch.actions().getShape());
            assertEquals(new Shape(3, 4, 2), batch.proprio().getShape());
            assertEquals(new Shape(3, 4), batch.reward().getShape());
            assertNull(batch.pixels());
            float[] features = batch.features().toFloatArray();
            float[] actions = batch.actions().toFloatArray();
            float[] proprio = batch.proprio().toFloatArray();
            float[] reward = batch.reward().toFloatArray();
            for (int i = 0; i < ids.length; i++) {
                int e = windows.episodeOf(ids[i]);
                int s = windows.startOf(ids[i]);
                Episode ep = dataset.episode(e);
                float[] cached = cache.featureValues(e);
                for (int j = 0; j < 4; j++) {
                    int t = s + 3 * j;
                    for (int v = 0; v < n * d; v += 97) {
                        assertEquals(cached[t * n * d + v], features[(i * 4 + j) * n * d + v], 0f, "features of frame " + t);
                    }
                    float[] p = norm.normalizeProprio(ep.proprioAt(t));
                    assertEquals(p[0], proprio[(i * 4 + j) * 2], 1e-6f);
                    assertEquals(p[1], proprio[(i * 4 + j) * 2 + 1], 1e-6f);
                    assertEquals(ep.reward()[t], reward[i * 4 + j], 0f);
                    if (j < 3) {
                        float[] row = new float[6];
                        System.arraycopy(actions, (i * 3 + j) * 6, row, 0, 6);
                        float[] world = norm.denormalizeActions(row);
                        for (int m2 = 0; m2 < 3; m2++) {
                            float[] expected = ep.actionAt(t + m2);
                            assertEquals(expected[0], world[2 * m2], 1e-5f, "action " + (t + m2) + " x");
                            assertEquals(expected[1], world[2 * m2 + 1], 1e-5f, "action " + (t + m2) + " y");
                        }
                    }
                }
            }
        }
    }

    @Test
    void splitIsByEpisodeAndSamplingIsSeeded() {
        CachedWindowsConfig config = new CachedWindowsConfig(1, 2, 1, 0.25, 0L, 1L << 20);
        CachedFeatureWindows train = CachedFeatureWindows.train(dataset, cache, config);
        CachedFeatureWindows validation = CachedFeatureWindows.validation(dataset, cache, config);
        Set<Integer> trainEpisodes = new HashSet<>();
        for (int w = 0; w < train.windows(); w++) {
            trainEpisodes.add(train.episodeOf(w));
        }
        for (int w = 0; w < validation.windows(); w++) {
            assertTrue(!trainEpisodes.contains(validation.episodeOf(w)), "validation episode also in training");
        }
        assertEquals(EPISODES, trainEpisodes.size() + validation.windows() / (STEPS - 2 * 2 + 1));
        try (NDManager m = NDManager.newBaseManager()) {
            float[] a = train.sample(m, 5, new Random(9)).features().toFloatArray();
            float[] b = train.sample(m, 5, new Random(9)).features().toFloatArray();
            assertArrayEquals(a, b, "same Random, same batch");
        }
    }

    @Test
    void pixelsAreTheBoxAveragedFramesOfTheSampledTimeSteps() throws Exception {
        int size = 16; // the test world renders 32 px frames: 2 x 2 boxes
        CachedWindowsConfig config = new CachedWindowsConfig(2, 3, 2, 0.25, 0L, 1L << 20).withPixels(size);
        CachedFeatureWindows windows = CachedFeatureWindows.train(dataset, cache, config);
        try (NDManager m = NDManager.newBaseManager()) {
            WindowBatch batch = windows.sample(m, 6, new Random(4));
            assertEquals(new Shape(6, 4, 3, size, size), batch.pixels().getShape());
            float[] pixels = batch.pixels().toFloatArray();
            float[] features = batch.features().toFloatArray();
            int n = cache.metadata().tokens();
            int d = cache.metadata().dim();
            Random replay = new Random(4); // the ids the sampler drew
            for (int i = 0; i < 6; i++) {
                int id = replay.nextInt(windows.windows());
                int e = windows.episodeOf(id);
                Episode ep = dataset.episode(e);
                float[] cached = cache.featureValues(e);
                for (int j = 0; j < 4; j++) {
                    int t = windows.startOf(id) + 3 * j;
                    assertEquals(cached[t * n * d], features[(i * 4 + j) * n * d], 0f, "features and pixels of one window");
                    Frame frame = ep.frame(t);
                    for (int c = 0; c < 3; c++) {
                        for (int y = 0; y < size; y++) {
                            for (int x = 0; x < size; x++) {
                                double sum = frame.get(2 * y, 2 * x, c) + frame.get(2 * y, 2 * x + 1, c)
                                        + frame.get(2 * y + 1, 2 * x, c) + frame.get(2 * y + 1, 2 * x + 1, c);
                                float actual = pixels[(((i * 4 + j) * 3 + c) * size + y) * size + x];
                                assertEquals(sum / 4 / 255, actual, 1e-6, "window " + i + " frame " + t + " channel " + c
                                        + " pixel (" + y + ", " + x + ")");
                            }
                        }
                    }
                }
            }
            assertArrayEquals(pixels, windows.sample(m, 6, new Random(4)).pixels().toFloatArray(), "same Random, same pixels");
            assertNull(CachedFeatureWindows.train(dataset, cache, config.withPixels(0)).sample(m, 2, new Random(4)).pixels(),
                    "no pixels unless asked for");
        }
    }

    @Test
    void pixelsOfASizeThatDoesNotDivideTheFrameAreResized() {
        CachedWindowsConfig config = CachedWindowsConfig.tiny().withPixels(12);
        CachedFeatureWindows validation = CachedFeatureWindows.validation(dataset, cache, config);
        try (NDManager m = NDManager.newBaseManager()) {
            WindowBatch batch = validation.sample(m, 3, new Random(1));
            assertEquals(new Shape(3, 2, 3, 12, 12), batch.pixels().getShape());
            float[] pixels = batch.pixels().toFloatArray();
            double mean = 0;
            for (float v : pixels) {
                assertTrue(v >= 0 && v <= 1, "pixel outside [0, 1]: " + v);
                mean += v;
            }
            assertTrue(mean / pixels.length > 0.01, "the frames are not black");
        }
        assertThrows(IllegalArgumentException.class, () -> config.withPixels(-1));
    }

    @Test
    void aCacheOfAnotherDatasetIsRefused() throws Exception {
        Path other = tmp.resolve("other");
        DatasetGenerator.generate(new GenerateSpec("wall", 2, STEPS, 32, List.of(), 4), other, done -> { });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CachedFeatureWindows.train(Dataset.open(other), cache, CachedWindowsConfig.tiny()));
        assertTrue(e.getMessage().startsWith("cache: expected features of 2 episodes"), e.getMessage());
    }

    @Test
    void normalizationRoundTripsAndFloorsConstantDimensions() {
        DataNormalization n = new DataNormalization(new double[] {1, -2}, new double[] {2, 0.5}, new double[] {3}, new double[] {4});
        float[] a = {5f, -1f, 1f, -2f};
        assertArrayEquals(a, n.denormalizeActions(n.normalizeActions(a)), 1e-6f);
        assertArrayEquals(new float[] {2f, 2f, 0f, 0f}, n.normalizeActions(a), 1e-6f);
        assertArrayEquals(new float[] {1, -2, 1, -2, 1, -2}, n.frameActionMean(3), 0f);
        assertThrows(IllegalArgumentException.class, () -> n.normalizeProprio(new float[2]));
        assertArrayEquals(new float[] {2f}, n.normalizeProprio(new float[] {11f}), 1e-6f);
        assertArrayEquals(new float[] {11f}, n.denormalizeProprio(new float[] {2f}), 1e-6f);
        assertArrayEquals(new float[] {-7.5f}, n.denormalizeProprio(n.normalizeProprio(new float[] {-7.5f})), 1e-6f);
        assertThrows(IllegalArgumentException.class, () -> n.denormalizeProprio(new float[2]));
        assertThrows(IllegalArgumentException.class,
                () -> new DataNormalization(new double[] {0}, new double[] {0}, new double[0], new double[0]));
    }
}

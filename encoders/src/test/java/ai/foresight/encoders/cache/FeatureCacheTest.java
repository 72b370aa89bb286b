package ai.foresight.encoders.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.foresight.datasets.image.Frame;
import ai.foresight.encoders.FramePixels;
import ai.foresight.encoders.FrameSource;
import ai.foresight.encoders.PatchEncoder;
import ai.foresight.encoders.PatchFeatures;
import ai.foresight.encoders.PixelNormalization;
import ai.foresight.encoders.vit.VitConfig;
import ai.foresight.encoders.vit.VitPatchEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureCacheTest {

    /** Counts the frames it encodes. */
    private static final class CountingEncoder implements PatchEncoder {
        final PatchEncoder inner;
        int frames;

        CountingEncoder(PatchEncoder inner) {
            this.inner = inner;
        }

        @Override
        public PatchFeatures encodeFeatures(NDArray pixels) {
            frames += (int) pixels.getShape().get(0);
            return inner.encodeFeatures(pixels);
        }

        @Override public int gridHeight() { return inner.gridHeight(); }
        @Override public int gridWidth() { return inner.gridWidth(); }
        @Override public int dim() { return inner.dim(); }
        @Override public int inputHeight() { return inner.inputHeight(); }
        @Override public int inputWidth() { return inner.inputWidth(); }
        @Override public PixelNormalization normalization() { return inner.normalization(); }
        @Override public boolean isFrozen() { return inner.isFrozen(); }
        @Override public String id() { return inner.id(); }
        @Override public void close() { inner.close(); }
    }

    private static FrameSource data(long seed, int... lengths) {
        SplittableRandom r = new SplittableRandom(seed);
        List<List<Frame>> episodes = new ArrayList<>();
        for (int len : lengths) {
            List<Frame> frames = new ArrayList<>();
            for (int t = 0; t < len; t++) {
                byte[] px = new byte[40 * 40 * 3];
                for (int i = 0; i < px.length; i++) {
                    px[i] = (byte) r.nextInt(256);
                }
                frames.add(new Frame(40, 40, px)); // 40 px frames: the cache resizes to the encoder's 32 px
            }
            episodes.add(frames);
        }
        return FrameSource.of(episodes);
    }

    @Test
    void buildsOnceThenReusesAndMatchesDirectEncoding(@TempDir Path dir) throws IOException {
        FrameSource source = data(1, 5, 3);
        try (CountingEncoder enc = new CountingEncoder(VitPatchEncoder.create(VitConfig.tiny(), 3, Device.cpu()));
                NDManager m = NDManager.newBaseManager()) {
            FeatureCache first = FeatureCache.open(dir, enc, source, FeatureCacheConfig.tiny());
            assertTrue(first.wasBuilt());
            assertEquals(8, enc.frames);
            assertEquals(enc.id(), first.metadata().encoderId());
            assertEquals(source.checksum(), first.metadata().datasetChecksum());
            FeatureCache again = FeatureCache.open(dir, enc, source, FeatureCacheConfig.tiny());
            assertFalse(again.wasBuilt());
            assertEquals(8, enc.frames, "nothing re-encoded");
            NDArray cached = again.features(m, 1);
            assertEquals(new Shape(3, 16, 32), cached.getShape());
            NDArray direct = enc.encode(FramePixels.toBatch(m, source.frames(1), 32, 32));
            assertArrayEquals(direct.toFloatArray(), cached.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void rebuildsWhenTheEncoderOrTheDataChange(@TempDir Path dir) throws IOException {
        FrameSource source = data(1, 4);
        FrameSource changed = data(2, 4);
        try (CountingEncoder a = new CountingEncoder(VitPatchEncoder.create(VitConfig.tiny(), 3, Device.cpu()));
                CountingEncoder b = new CountingEncoder(VitPatchEncoder.create(VitConfig.tiny(), 4, Device.cpu()))) {
            float[] byA = FeatureCache.open(dir, a, source, FeatureCacheConfig.tiny()).featureValues(0);
            FeatureCache byB = FeatureCache.open(dir, b, source, FeatureCacheConfig.tiny());
            assertTrue(byB.wasBuilt(), "another encoder id rebuilds");
            assertEquals(b.id(), byB.metadata().encoderId());
            assertFalse(java.util.Arrays.equals(byA, byB.featureValues(0)));
            FeatureCache newData = FeatureCache.open(dir, b, changed, FeatureCacheConfig.tiny());
            assertTrue(newData.wasBuilt(), "another dataset checksum rebuilds");
            assertNotEquals(source.checksum(), changed.checksum());
            assertEquals(changed.checksum(), newData.metadata().datasetChecksum());
            assertEquals(8, b.frames);
        }
    }

    @Test
    void anInterruptedOrDamagedCacheIsRebuilt(@TempDir Path dir) throws IOException {
        FrameSource source = data(1, 2, 2);
        try (CountingEncoder enc = new CountingEncoder(VitPatchEncoder.create(VitConfig.tiny(), 3, Device.cpu()))) {
            FeatureCache.open(dir, enc, source, FeatureCacheConfig.tiny());
            Files.delete(dir.resolve("episode-000001.npy"));
            assertTrue(FeatureCache.open(dir, enc, source, FeatureCacheConfig.tiny()).wasBuilt(), "missing episode file");
            Files.delete(dir.resolve(FeatureCache.METADATA)); // as a crash mid-build leaves it
            assertTrue(FeatureCache.open(dir, enc, source, FeatureCacheConfig.tiny()).wasBuilt(), "no metadata");
            try (var s = Files.list(dir)) {
                assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
            }
        }
    }

    @Test
    void float16HalvesTheFilesAndStaysClose(@TempDir Path dir) throws IOException {
        FrameSource source = data(1, 6);
        try (PatchEncoder enc = VitPatchEncoder.create(VitConfig.tiny(), 3, Device.cpu())) {
            FeatureCache full = FeatureCache.open(dir.resolve("f32"), enc, source, FeatureCacheConfig.tiny());
            FeatureCache half = FeatureCache.open(dir.resolve("f16"), enc, source,
                    FeatureCacheConfig.tiny().withPrecision(FeaturePrecision.FLOAT16));
            float[] a = full.featureValues(0);
            float[] b = half.featureValues(0);
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], 1e-3f * Math.max(1, Math.abs(a[i])));
            }
            long bytes32 = Files.size(dir.resolve("f32/episode-000000.npy"));
            long bytes16 = Files.size(dir.resolve("f16/episode-000000.npy"));
            assertEquals(6 * 16 * 32 * 2, bytes32 - bytes16, 64);
            // switching precision is a different cache: it rebuilds
            assertTrue(FeatureCache.open(dir.resolve("f32"), enc, source,
                    FeatureCacheConfig.tiny().withPrecision(FeaturePrecision.FLOAT16)).wasBuilt());
        }
    }
}

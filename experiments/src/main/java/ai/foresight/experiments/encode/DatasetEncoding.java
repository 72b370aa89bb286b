package ai.foresight.experiments.encode;

import ai.foresight.encoders.DatasetFrameSource;
import ai.foresight.encoders.PatchEncoder;
import ai.foresight.encoders.cache.FeatureCache;
import ai.foresight.encoders.cache.FeatureCacheConfig;
import ai.foresight.encoders.cache.FeaturePrecision;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Encodes every frame of a dataset once into a {@link FeatureCache} (DINO-WM precomputes its frozen
 * features the same way), keyed by the encoder's id and the dataset's checksum: a second run with the
 * same encoder and data reuses the stored features, a changed encoder or dataset rebuilds them.
 */
public final class DatasetEncoding {
    /** Folder of a dataset that holds its feature caches, one sub-folder per encoder id. */
    public static final String FEATURES_DIR = "features";

    private DatasetEncoding() {}

    /**
     * What an encoding run did.
     *
     * @param cache the opened cache
     * @param cacheDir its folder
     * @param frames frames in the cache
     * @param seconds wall time of opening (and, unless reused, building) the cache
     * @param reused true when the stored features matched and nothing was encoded
     */
    public record Outcome(FeatureCache cache, Path cacheDir, long frames, double seconds, boolean reused) {
        /** Frames made available per second of this run (encoded ones, or read-back ones when reused). */
        public double framesPerSecond() {
            return seconds > 0 ? frames / seconds : Double.POSITIVE_INFINITY;
        }
    }

    /** {@code dataDir/features/<encoder id>}. */
    public static Path defaultCacheDir(Path dataDir, String encoderId) {
        return dataDir.resolve(FEATURES_DIR).resolve(encoderId);
    }

    /**
     * Opens or builds the cache of {@code dataDir}'s observed frames under {@code encoder}.
     *
     * @param cacheDir the cache folder, or null for {@link #defaultCacheDir}
     * @param batchSize frames per forward pass
     * @param progress told after each encoded episode
     */
    public static Outcome run(PatchEncoder encoder, Path dataDir, Path cacheDir, FeaturePrecision precision, int batchSize,
            FeatureCache.BuildProgress progress) throws IOException {
        DatasetFrameSource source = DatasetFrameSource.open(dataDir);
        Path dir = cacheDir != null ? cacheDir : defaultCacheDir(dataDir, encoder.id());
        long start = System.nanoTime();
        FeatureCache cache = FeatureCache.open(dir, encoder, source,
                new FeatureCacheConfig(precision, batchSize), progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        long frames = 0;
        for (int e = 0; e < cache.episodes(); e++) {
            frames += cache.length(e);
        }
        return new Outcome(cache, dir, frames, seconds, !cache.wasBuilt());
    }
}

package ai.foresight.worldmodel.data;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.foresight.datasets.store.Dataset;
import ai.foresight.datasets.store.EpisodeLayout;
import ai.foresight.datasets.store.EpisodeSource;
import ai.foresight.datasets.window.EpisodeSplit;
import ai.foresight.datasets.window.WindowSampler;
import ai.foresight.encoders.cache.CacheMetadata;
import ai.foresight.encoders.cache.FeatureCache;
import ai.foresight.worldmodel.train.FeatureWindows;
import ai.foresight.worldmodel.train.WindowBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Training windows over a dataset whose frames were encoded once into a {@link FeatureCache} (DINO-WM
 * trains on precomputed frozen features the same way; Zhou et al. 2024). The datasets
 * {@link WindowSampler} cuts each window — H + n frames k steps apart, the k actions after each frame
 * concatenated, actions and proprio standardised with the manifest's statistics — and this class puts the
 * cached patch features of the same frames beside them.
 *
 * <p>Shapes of a sampled {@link WindowBatch} (T = H + n): features (B, T, N, D), actions (B, T − 1, k·A)
 * (row t holds the k actions taken from frame t to frame t + 1), proprio (B, T, P) or null when P = 0,
 * reward (B, T) raw (−distance to goal of each frame's state), and pixels (B, T, 3, S, S) in [0, 1] — the observed
 * frames of the same time steps at S = {@link CachedWindowsConfig#pixelSize()}, box-averaged (see
 * {@link DecoderFrames}), the pixel decoder's targets — or null when the config asks for none. Each episode's
 * features (and frames) are kept decoded in a least-recently-used map of at most
 * {@link CachedWindowsConfig#featureMemoryBytes()}. Not thread-safe: one instance per loader thread.
 */
public final class CachedFeatureWindows implements FeatureWindows {
    private final EpisodeSource episodes;
    private final FeatureCache cache;
    private final CachedWindowsConfig config;
    private final WindowSampler sampler;
    private final DataNormalization normalization;
    private final int tokens;
    private final int dim;
    private final int steps;
    private final Map<Integer, EpisodeArrays> loaded;
    private long heldBytes;

    /** One episode's values: features (T, N, D) and decoder frames (T, 3, S, S) or null. */
    private record EpisodeArrays(float[] features, float[] pixels) {
        long bytes() {
            return 4L * features.length + (pixels == null ? 0 : 4L * pixels.length);
        }
    }

    /**
     * @param episodes the recorded episodes (actions, proprio, rewards; frames only when the config asks for pixels)
     * @param cache features of every frame of every episode of {@code episodes}, in the same order
     * @param episodeIds which episodes to cut windows from
     * @param normalization the action/proprio standardisation (usually {@link DataNormalization#fromManifest})
     */
    public CachedFeatureWindows(EpisodeSource episodes, FeatureCache cache, List<Integer> episodeIds,
            CachedWindowsConfig config, DataNormalization normalization) {
        if (config == null || normalization == null) {
            throw new IllegalArgumentException("config, normalization: expected values, got null");
        }
        EpisodeLayout layout = episodes.layout();
        CacheMetadata m = cache.metadata();
        if (m.episodes() != episodes.size()) {
            throw new IllegalArgumentException("cache: expected features of " + episodes.size() + " episodes, got " + m.episodes()
                    + " (the cache belongs to another dataset)");
        }
        for (int e = 0; e < m.episodes(); e++) {
            if (cache.length(e) != layout.steps()) {
                throw new IllegalArgumentException("cache: episode " + e + " expected " + layout.steps() + " frames, got "
                        + cache.length(e));
            }
        }
        this.episodes = episodes;
        this.cache = cache;
        this.config = config;
        this.normalization = normalization;
        this.sampler = new WindowSampler(new LowDimEpisodes(episodes), episodeIds, config.windowConfig(), normalization.toNormalizer());
        this.tokens = m.tokens();
        this.dim = m.dim();
        this.steps = layout.steps();
        this.loaded = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** The training episodes of {@code dataset} under the config's split, normalised by its manifest. */
    public static CachedFeatureWindows train(Dataset dataset, FeatureCache cache, CachedWindowsConfig config) {
        EpisodeSplit split = EpisodeSplit.of(dataset.size(), config.validationFraction(), config.splitSeed());
        return new CachedFeatureWindows(dataset, cache, split.train(), config, DataNormalization.fromManifest(dataset.manifest()));
    }

    /**
     * The held-out episodes of {@code dataset} under the config's split (the training episodes when nothing is
     * held out, e.g. a one-episode dataset).
     */
    public static CachedFeatureWindows validation(Dataset dataset, FeatureCache cache, CachedWindowsConfig config) {
        EpisodeSplit split = EpisodeSplit.of(dataset.size(), config.validationFraction(), config.splitSeed());
        List<Integer> ids = split.validation().isEmpty() ? split.train() : split.validation();
        return new CachedFeatureWindows(dataset, cache, ids, config, DataNormalization.fromManifest(dataset.manifest()));
    }

    @Override
    public int windowFrames() {
        return config.frames();
    }

    /** Distinct windows, episodes × (T − (H + n)·k + 1). */
    public int windows() {
        return sampler.windows();
    }

    /** Dataset episode of window {@code id}. */
    public int episodeOf(int id) {
        return sampler.episodeOf(id);
    }

    /** Episode step of the first frame of window {@code id}. */
    public int startOf(int id) {
        return sampler.startOf(id);
    }

    public CachedWindowsConfig config() {
        return config;
    }

    public DataNormalization normalization() {
        return normalization;
    }

    /** Patch tokens N per frame. */
    public int tokens() {
        return tokens;
    }

    /** Feature width D. */
    public int dim() {
        return dim;
    }

    @Override
    public WindowBatch sample(NDManager manager, int batchSize, Random random) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize: expected at least 1, got " + batchSize);
        }
        int[] ids = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            ids[i] = random.nextInt(sampler.windows());
        }
        return windows(manager, ids);
    }

    /** The windows {@code ids} (0 ≤ id &lt; {@link #windows()}), in order, as one batch in {@code manager}. */
    public WindowBatch windows(NDManager manager, int[] ids) {
        ai.foresight.datasets.window.WindowBatch w;
        try {
            w = sampler.gather(ids);
        } catch (IOException e) {
            throw new UncheckedIOException("dataset: could not read a window's episode: " + e.getMessage(), e);
        }
        int b = ids.length;
        int f = config.frames();
        int k = config.frameskip();
        int frameValues = tokens * dim;
        int ka = w.actionWidth();
        int p = w.proprioDim();
        int s = config.pixelSize();
        int frameSize = 3 * s * s;
        float[] feats = new float[Math.multiplyExact(b * f, frameValues)];
        float[] pixels = s == 0 ? null : new float[Math.multiplyExact(b * f, frameSize)];
        float[] actions = new float[b * (f - 1) * ka];
        for (int i = 0; i < b; i++) {
            EpisodeArrays episode = episode(w.episode()[i]);
            for (int j = 0; j < f; j++) {
                int t = w.start()[i] + j * k;
                System.arraycopy(episode.features(), t * frameValues, feats, (i * f + j) * frameValues, frameValues);
                if (pixels != null) {
                    System.arraycopy(episode.pixels(), t * frameSize, pixels, (i * f + j) * frameSize, frameSize);
                }
            }
            // the sampler's row j holds the k actions after frame j; a window's last row is not needed
            System.arraycopy(w.actions(), i * f * ka, actions, i * (f - 1) * ka, (f - 1) * ka);
        }
        return new WindowBatch(
                manager.create(feats, new Shape(b, f, tokens, dim)),
                manager.create(actions, new Shape(b, f - 1, ka)),
                p == 0 ? null : manager.create(w.proprio(), new Shape(b, f, p)),
                manager.create(w.reward(), new Shape(b, f)),
                pixels == null ? null : manager.create(pixels, new Shape(b, f, 3, s, s)));
    }

    private EpisodeArrays episode(int episode) {
        EpisodeArrays held = loaded.get(episode);
        if (held != null) {
            return held;
        }
        float[] values;
        try {
            values = cache.featureValues(episode);
        } catch (IOException e) {
            throw new UncheckedIOException("feature cache: could not read episode " + episode + ": " + e.getMessage(), e);
        }
        if (values.length != (long) steps * tokens * dim) {
            throw new IllegalStateException("feature cache: episode " + episode + " expected " + steps + "x" + tokens + "x" + dim
                    + " values, got " + values.length);
        }
        float[] pixels = null;
        if (config.hasPixels()) {
            try {
                pixels = DecoderFrames.of(episodes.episode(episode), config.pixelSize());
            } catch (IOException e) {
                throw new UncheckedIOException("dataset: could not read the frames of episode " + episode + ": " + e.getMessage(), e);
            }
        }
        EpisodeArrays arrays = new EpisodeArrays(values, pixels);
        while (!loaded.isEmpty() && heldBytes + arrays.bytes() > config.featureMemoryBytes()) {
            Map.Entry<Integer, EpisodeArrays> eldest = loaded.entrySet().iterator().next();
            heldBytes -= eldest.getValue().bytes();
            loaded.remove(eldest.getKey());
        }
        loaded.put(episode, arrays);
        heldBytes += arrays.bytes();
        return arrays;
    }
}

package ai.foresight.datasets.window;

import ai.foresight.datasets.store.Dataset;
import ai.foresight.datasets.store.Episode;
import ai.foresight.datasets.store.EpisodeLayout;
import ai.foresight.datasets.store.EpisodeSource;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Cuts fixed-length training windows from a set of episodes and serves them in seeded, shuffled
 * batches (DINO-WM's trajectory slicing; Zhou et al. 2024).
 *
 * <p>A window starting at step s holds the F = H + n frames s, s + k, ..., s + (F-1)·k and, for each
 * frame j, the k actions a[s + j·k .. s + j·k + k - 1] concatenated into one (k·A) action; it needs
 * s + F·k &lt;= T, so an episode of T steps gives T - F·k + 1 windows (one per start step). Windows
 * are numbered episode by episode in the order of the episode list; each epoch visits every window
 * once in an order drawn from (seed, epoch).
 *
 * <p>Episodes are read through {@link EpisodeSource#episode} and kept in a least-recently-used cache
 * of {@link WindowConfig#cacheEpisodes()} episodes. Not thread-safe: one sampler per loader thread.
 */
public final class WindowSampler {
    private final EpisodeSource source;
    private final int[] episodes;
    private final WindowConfig config;
    private final Normalizer normalizer;
    private final EpisodeLayout layout;
    private final int windowsPerEpisode;
    private final Map<Integer, Episode> cache;
    private int orderEpoch = -1;
    private int[] order;

    /**
     * @param episodes the episode indices of {@code source} to sample from (e.g. a split's train list)
     * @param normalizer applied to actions and proprio when {@code config.normalize()}
     * @throws IllegalArgumentException if the window does not fit an episode, the list is empty or
     *     holds an index outside the source, or the normaliser's sizes differ from the layout
     */
    public WindowSampler(EpisodeSource source, List<Integer> episodes, WindowConfig config, Normalizer normalizer) {
        this.source = source;
        this.config = config;
        this.normalizer = normalizer;
        this.layout = source.layout();
        if (config.span() > layout.steps()) {
            throw new IllegalArgumentException("window: (history " + config.history() + " + predict " + config.predict()
                    + ") x frameskip " + config.frameskip() + " = " + config.span() + " steps, longer than the episodes' "
                    + layout.steps());
        }
        if (episodes.isEmpty()) {
            throw new IllegalArgumentException("episodes: expected at least one episode to sample from");
        }
        this.episodes = new int[episodes.size()];
        for (int i = 0; i < this.episodes.length; i++) {
            int e = episodes.get(i);
            if (e < 0 || e >= source.size()) {
                throw new IllegalArgumentException("episodes[" + i + "]: expected 0.." + (source.size() - 1) + ", got " + e);
            }
            this.episodes[i] = e;
        }
        if (normalizer.actionDim() != layout.actionDim() || normalizer.proprioDim() != layout.proprioDim()) {
            throw new IllegalArgumentException("normalizer: expected A=" + layout.actionDim() + ", P=" + layout.proprioDim()
                    + ", got A=" + normalizer.actionDim() + ", P=" + normalizer.proprioDim());
        }
        this.windowsPerEpisode = layout.steps() - config.span() + 1;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Episode> eldest) {
                return size() > config.cacheEpisodes();
            }
        };
    }

    /** The training episodes of {@code dataset} under {@code config}'s split, normalised by its manifest. */
    public static WindowSampler train(Dataset dataset, WindowConfig config) {
        EpisodeSplit split = EpisodeSplit.of(dataset.size(), config.validationFraction(), config.seed());
        return new WindowSampler(dataset, split.train(), config, Normalizer.fromManifest(dataset.manifest()));
    }

    /** The validation episodes of {@code dataset} under {@code config}'s split, normalised by its manifest. */
    public static WindowSampler validation(Dataset dataset, WindowConfig config) {
        EpisodeSplit split = EpisodeSplit.of(dataset.size(), config.validationFraction(), config.seed());
        return new WindowSampler(dataset, split.validation(), config, Normalizer.fromManifest(dataset.manifest()));
    }

    public WindowConfig config() {
        return config;
    }

    public Normalizer normalizer() {
        return normalizer;
    }

    /** Number of windows, episodes x (T - (H + n)·k + 1). */
    public int windows() {
        return episodes.length * windowsPerEpisode;
    }

    /** Batches per epoch (the last one smaller unless {@code dropLast}). */
    public int batchesPerEpoch() {
        int n = windows();
        int b = config.batchSize();
        return config.dropLast() ? n / b : (n + b - 1) / b;
    }

    /** Dataset episode index of window {@code w}. */
    public int episodeOf(int w) {
        return episodes[w / windowsPerEpisode];
    }

    /** First step of window {@code w}. */
    public int startOf(int w) {
        return w % windowsPerEpisode;
    }

    /** The window ids of epoch {@code epoch} in visiting order (a seeded permutation of all windows). */
    public int[] epochOrder(int epoch) {
        if (epoch != orderEpoch) {
            int n = windows();
            int[] o = new int[n];
            for (int i = 0; i < n; i++) {
                o[i] = i;
            }
            SplittableRandom r = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + epoch + 1);
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = o[i];
                o[i] = o[j];
                o[j] = t;
            }
            order = o;
            orderEpoch = epoch;
        }
        return order.clone();
    }

    /** Batch {@code index} of epoch {@code epoch}. */
    public WindowBatch batch(int epoch, int index) throws IOException {
        if (index < 0 || index >= batchesPerEpoch()) {
            throw new IllegalArgumentException("index: expected 0.." + (batchesPerEpoch() - 1) + ", got " + index);
        }
        epochOrder(epoch);
        int from = index * config.batchSize();
        int to = Math.min(order.length, from + config.batchSize());
        int[] ids = new int[to - from];
        System.arraycopy(order, from, ids, 0, ids.length);
        return gather(ids);
    }

    /** The windows {@code ids} (0 &lt;= id &lt; windows()), in that order, as one batch. */
    public WindowBatch gather(int[] ids) throws IOException {
        int b = ids.length;
        int f = config.frames();
        int k = config.frameskip();
        int a = layout.actionDim();
        int p = layout.proprioDim();
        int s = layout.stateDim();
        int frameBytes = layout.height() * layout.width() * 3;
        byte[] obs = new byte[b * f * frameBytes];
        byte[] clean = layout.withClean() ? new byte[obs.length] : null;
        float[] actions = new float[b * f * k * a];
        float[] proprio = new float[b * f * p];
        double[] state = new double[b * f * s];
        float[] reward = new float[b * f];
        int[] episodeIndex = new int[b];
        int[] startStep = new int[b];
        boolean norm = config.normalize();
        for (int i = 0; i < b; i++) {
            if (ids[i] < 0 || ids[i] >= windows()) {
                throw new IllegalArgumentException("ids[" + i + "]: expected 0.." + (windows() - 1) + ", got " + ids[i]);
            }
            episodeIndex[i] = episodeOf(ids[i]);
            startStep[i] = startOf(ids[i]);
            Episode ep = episode(episodeIndex[i]);
            for (int j = 0; j < f; j++) {
                int t = startStep[i] + j * k;
                int row = i * f + j;
                System.arraycopy(ep.obs(), t * frameBytes, obs, row * frameBytes, frameBytes);
                if (clean != null) {
                    System.arraycopy(ep.obsClean(), t * frameBytes, clean, row * frameBytes, frameBytes);
                }
                for (int m = 0; m < k; m++) {
                    for (int d = 0; d < a; d++) {
                        float v = ep.action()[(t + m) * a + d];
                        actions[(row * k + m) * a + d] = norm ? normalizer.action(v, d) : v;
                    }
                }
                for (int d = 0; d < p; d++) {
                    float v = ep.proprio()[t * p + d];
                    proprio[row * p + d] = norm ? normalizer.proprio(v, d) : v;
                }
                System.arraycopy(ep.state(), t * s, state, row * s, s);
                reward[row] = ep.reward()[t];
            }
        }
        return new WindowBatch(b, f, layout.height(), layout.width(), k, a, p, s, obs, clean, actions, proprio, state,
                reward, episodeIndex, startStep);
    }

    private Episode episode(int index) throws IOException {
        Episode ep = cache.get(index);
        if (ep == null) {
            ep = source.episode(index);
            cache.put(index, ep);
        }
        return ep;
    }
}

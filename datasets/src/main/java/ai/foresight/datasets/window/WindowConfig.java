package ai.foresight.datasets.window;

/**
 * How training windows are cut from episodes (DINO-WM's trajectory slicing: Zhou et al. 2024,
 * "DINO-WM: World Models on Pre-trained Visual Features enable Zero-shot Planning").
 *
 * @param history H, frames the predictor conditions on
 * @param frameskip k, environment steps between consecutive window frames; the k actions taken
 *     between them are concatenated into one (k·A) action
 * @param predict n, frames predicted after the history
 * @param batchSize B, windows per batch
 * @param validationFraction share of episodes held out for validation (split by episode, never by window)
 * @param seed seed of the episode split and of the per-epoch shuffling
 * @param normalize whether actions and proprio are standardised with the manifest's statistics
 * @param dropLast whether an epoch's last, smaller batch is dropped
 * @param cacheEpisodes decoded episodes kept in memory (least recently used go first)
 */
public record WindowConfig(int history, int frameskip, int predict, int batchSize, double validationFraction, long seed,
        boolean normalize, boolean dropLast, int cacheEpisodes) {

    public WindowConfig {
        if (history < 1) {
            throw new IllegalArgumentException("history: expected at least 1 frame, got " + history);
        }
        if (frameskip < 1) {
            throw new IllegalArgumentException("frameskip: expected at least 1, got " + frameskip);
        }
        if (predict < 0) {
            throw new IllegalArgumentException("predict: expected 0 or more frames, got " + predict);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize: expected at least 1, got " + batchSize);
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validationFraction: expected 0 <= f < 1, got " + validationFraction);
        }
        if (cacheEpisodes < 1) {
            throw new IllegalArgumentException("cacheEpisodes: expected at least 1, got " + cacheEpisodes);
        }
    }

    /** DINO-WM's settings: history 3, frameskip 5, one predicted frame, batch 32, 10 % validation. */
    public static WindowConfig defaults() {
        return new WindowConfig(3, 5, 1, 32, 0.1, 0, true, false, Integer.MAX_VALUE);
    }

    /** Small windows for tests: history 1, frameskip 2, one predicted frame, batch 4, 25 % validation. */
    public static WindowConfig tiny() {
        return new WindowConfig(1, 2, 1, 4, 0.25, 0, true, false, Integer.MAX_VALUE);
    }

    /** Frames per window, H + n. */
    public int frames() {
        return history + predict;
    }

    /** Environment steps a window covers, including the actions after its last frame: (H + n)·k. */
    public int span() {
        return frames() * frameskip;
    }

    /** The same settings with another batch size. */
    public WindowConfig withBatchSize(int b) {
        return new WindowConfig(history, frameskip, predict, b, validationFraction, seed, normalize, dropLast, cacheEpisodes);
    }
}

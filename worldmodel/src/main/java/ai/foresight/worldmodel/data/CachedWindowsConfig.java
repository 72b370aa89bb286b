package ai.foresight.worldmodel.data;

import ai.foresight.datasets.window.WindowConfig;

/**
 * How {@link CachedFeatureWindows} cuts windows from a dataset whose frames are already encoded.
 *
 * @param history H, context frames of the predictor
 * @param frameskip k, environment steps between window frames (their k actions are concatenated)
 * @param predict n, frames after the history in each window (1 for training as in DINO-WM; more for open-loop
 *     validation)
 * @param validationFraction share of episodes held out (the split is by episode)
 * @param splitSeed seed of the episode split
 * @param featureMemoryBytes episode features (and decoder frames) kept decoded in memory (least recently used
 *     episodes are dropped first)
 * @param pixelSize S, side of the observed frames each window also carries for a pixel decoder, (B, T, 3, S, S) in
 *     [0, 1]; 0 for no pixels
 */
public record CachedWindowsConfig(int history, int frameskip, int predict, double validationFraction, long splitSeed,
        long featureMemoryBytes, int pixelSize) {

    public CachedWindowsConfig {
        if (history < 1) {
            throw new IllegalArgumentException("history: expected at least 1 frame, got " + history);
        }
        if (frameskip < 1) {
            throw new IllegalArgumentException("frameskip: expected at least 1, got " + frameskip);
        }
        if (predict < 1) {
            throw new IllegalArgumentException("predict: expected at least 1 predicted frame, got " + predict);
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validationFraction: expected 0 <= f < 1, got " + validationFraction);
        }
        if (featureMemoryBytes < 1) {
            throw new IllegalArgumentException("featureMemoryBytes: expected a positive budget, got " + featureMemoryBytes);
        }
        if (pixelSize < 0) {
            throw new IllegalArgumentException("pixelSize: expected a frame side >= 1, or 0 for no pixels, got " + pixelSize);
        }
    }

    /** Windows without pixels. */
    public CachedWindowsConfig(int history, int frameskip, int predict, double validationFraction, long splitSeed,
            long featureMemoryBytes) {
        this(history, frameskip, predict, validationFraction, splitSeed, featureMemoryBytes, 0);
    }

    /** DINO-WM's slicing: history 3, frameskip 5, one predicted frame, 10% of episodes held out, 2 GiB of features. */
    public static CachedWindowsConfig defaults() {
        return new CachedWindowsConfig(3, 5, 1, 0.1, 0L, 2L << 30);
    }

    /** Tests: history 1, frameskip 2, one predicted frame, 25% held out, 64 MiB. */
    public static CachedWindowsConfig tiny() {
        return new CachedWindowsConfig(1, 2, 1, 0.25, 0L, 64L << 20);
    }

    /** Frames per window, H + n. */
    public int frames() {
        return history + predict;
    }

    public CachedWindowsConfig withPredict(int n) {
        return new CachedWindowsConfig(history, frameskip, n, validationFraction, splitSeed, featureMemoryBytes, pixelSize);
    }

    public CachedWindowsConfig withHistory(int h, int k) {
        return new CachedWindowsConfig(h, k, predict, validationFraction, splitSeed, featureMemoryBytes, pixelSize);
    }

    /**
     * The same slicing with each window's observed frames at {@code size} x {@code size} beside its features (the
     * targets of a pixel decoder, {@code DecoderConfig.imageSize}); 0 for none.
     */
    public CachedWindowsConfig withPixels(int size) {
        return new CachedWindowsConfig(history, frameskip, predict, validationFraction, splitSeed, featureMemoryBytes, size);
    }

    /** Whether windows carry pixels. */
    public boolean hasPixels() {
        return pixelSize > 0;
    }

    /** The datasets window settings with the same slicing (the batch size is set per sample). */
    WindowConfig windowConfig() {
        return new WindowConfig(history, frameskip, predict, 1, validationFraction, splitSeed, true, false, Integer.MAX_VALUE);
    }
}

package ai.foresight.worldmodel.train;

import ai.djl.ndarray.NDManager;
import java.util.Random;

/**
 * Where the trainer reads its data: random windows of consecutive frame steps from offline episodes,
 * already encoded to patch features (the feature cache and window sampler adapt to this).
 *
 * <p>Conventions: a window has T = {@link #windowFrames()} frames; action t is the frame step's
 * {@code frameskip} environment actions concatenated, taken after frame t; actions and proprio should be
 * normalised (about zero mean, unit scale) by the sampler.
 */
public interface FeatureWindows {
    /** Frames T per window (at least history + 1). */
    int windowFrames();

    /**
     * Samples {@code batchSize} windows; every array is created in {@code manager}. All randomness must come
     * from {@code random} so that a seeded trainer step draws the same batch on resume.
     */
    WindowBatch sample(NDManager manager, int batchSize, Random random);
}

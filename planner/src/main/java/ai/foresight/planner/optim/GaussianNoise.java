package ai.foresight.planner.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * A seeded stream of standard normal samples, turned into arrays on any device.
 *
 * <p>Why not libtorch's generator: it is one global stream per process, so any other user of the
 * engine (another planner, a training job on another thread) would change this optimiser's
 * samples. A stream per optimiser keeps "same seed, same numbers" true in a shared JVM. Filling
 * N·H·A floats costs microseconds next to one batched model call.
 */
final class GaussianNoise {
    private final SplittableRandom random;

    GaussianNoise(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** An array of i.i.d. N(0, 1) samples of {@code shape}, attached to {@code manager}. */
    NDArray sample(NDManager manager, Shape shape) {
        long size = shape.size();
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape: expected fewer than 2^31 elements, got " + shape);
        }
        float[] values = new float[(int) size];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return manager.create(values, shape);
    }
}

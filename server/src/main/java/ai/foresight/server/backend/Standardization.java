package ai.foresight.server.backend;

import ai.foresight.datasets.store.FieldStats;
import ai.foresight.datasets.window.Normalizer;

/**
 * Per-dimension standardisation x' = (x - mean) / std with a dataset's statistics, exactly as the window sampler
 * applied it in training ({@link Normalizer}: a std below {@link Normalizer#MIN_STD} counts as 1).
 *
 * @param mean (d) centres
 * @param std  (d) scales, all positive
 */
record Standardization(float[] mean, float[] std) {

    Standardization {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("std: expected " + mean.length + " dimensions like mean, got " + std.length);
        }
    }

    static Standardization of(FieldStats stats) {
        double[] m = stats.mean();
        double[] s = stats.std();
        float[] mean = new float[m.length];
        float[] std = new float[m.length];
        for (int i = 0; i < m.length; i++) {
            mean[i] = (float) m[i];
            std[i] = s[i] < Normalizer.MIN_STD ? 1f : (float) s[i];
        }
        return new Standardization(mean, std);
    }

    int dim() {
        return mean.length;
    }

    /** {@code (x - mean) / std}, a new array. */
    float[] apply(float[] x) {
        if (x.length != mean.length) {
            throw new IllegalArgumentException("vector: expected length " + mean.length + ", got " + x.length);
        }
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (x[i] - mean[i]) / std[i];
        }
        return out;
    }

    /** The same statistics repeated {@code times} times: the standardisation of {@code times} concatenated vectors. */
    Standardization tiled(int times) {
        return new Standardization(tile(mean, times), tile(std, times));
    }

    static float[] tile(float[] values, int times) {
        float[] out = new float[values.length * times];
        for (int t = 0; t < times; t++) {
            System.arraycopy(values, 0, out, t * values.length, values.length);
        }
        return out;
    }
}

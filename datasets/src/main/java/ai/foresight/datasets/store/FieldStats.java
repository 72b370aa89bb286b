package ai.foresight.datasets.store;

import java.util.Arrays;

/**
 * Per-dimension mean and (population) standard deviation of a vector field over a whole dataset,
 * stored in the manifest and used to normalise actions and proprio.
 *
 * @param mean mean per dimension
 * @param std standard deviation per dimension (divisor N, not N-1)
 */
public record FieldStats(double[] mean, double[] std) {
    public FieldStats {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("std: expected " + mean.length + " dimensions like mean, got " + std.length);
        }
        for (int i = 0; i < mean.length; i++) {
            if (!Double.isFinite(mean[i]) || !Double.isFinite(std[i]) || std[i] < 0) {
                throw new IllegalArgumentException("stats[" + i + "]: expected a finite mean and a finite std >= 0, got "
                        + mean[i] + ", " + std[i]);
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    public int dim() {
        return mean.length;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldStats s && Arrays.equals(s.mean, mean) && Arrays.equals(s.std, std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "FieldStats[mean " + Arrays.toString(mean) + ", std " + Arrays.toString(std) + "]";
    }
}

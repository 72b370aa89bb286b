package ai.foresight.datasets.store;

/**
 * Count, mean and sum of squared deviations per dimension, accumulated in double precision with
 * Welford's update and merged with Chan et al.'s parallel formula. Immutable: merging returns a new
 * value, so per-episode statistics computed by several workers combine in episode order and give
 * the same bits however the work was scheduled.
 */
public final class RunningStats {
    private final long count;
    private final double[] mean;
    private final double[] m2;

    private RunningStats(long count, double[] mean, double[] m2) {
        this.count = count;
        this.mean = mean;
        this.m2 = m2;
    }

    /** No samples yet, {@code dim} dimensions. */
    public static RunningStats empty(int dim) {
        return new RunningStats(0, new double[dim], new double[dim]);
    }

    /** Statistics of the rows of {@code values}, a flat (N, dim) row-major array. */
    public static RunningStats of(float[] values, int dim) {
        double[] mean = new double[dim];
        double[] m2 = new double[dim];
        if (dim == 0) {
            return new RunningStats(0, mean, m2);
        }
        if (values.length % dim != 0) {
            throw new IllegalArgumentException("values: expected a multiple of " + dim + " elements, got " + values.length);
        }
        long n = 0;
        for (int row = 0; row < values.length; row += dim) {
            n++;
            for (int d = 0; d < dim; d++) {
                double x = values[row + d];
                double delta = x - mean[d];
                mean[d] += delta / n;
                m2[d] += delta * (x - mean[d]);
            }
        }
        return new RunningStats(n, mean, m2);
    }

    /** The statistics of both sample sets together. */
    public RunningStats merge(RunningStats other) {
        if (other.mean.length != mean.length) {
            throw new IllegalArgumentException("stats: expected " + mean.length + " dimensions, got " + other.mean.length);
        }
        if (other.count == 0) {
            return this;
        }
        if (count == 0) {
            return other;
        }
        long n = count + other.count;
        double[] mu = new double[mean.length];
        double[] m = new double[mean.length];
        for (int d = 0; d < mean.length; d++) {
            double delta = other.mean[d] - mean[d];
            mu[d] = mean[d] + delta * other.count / n;
            m[d] = m2[d] + other.m2[d] + delta * delta * ((double) count * other.count / n);
        }
        return new RunningStats(n, mu, m);
    }

    public long count() {
        return count;
    }

    /** Mean and population standard deviation; zeros when there are no samples. */
    public FieldStats toFieldStats() {
        double[] std = new double[mean.length];
        for (int d = 0; d < std.length; d++) {
            std[d] = count == 0 ? 0 : Math.sqrt(Math.max(0, m2[d] / count));
        }
        return new FieldStats(mean, std);
    }
}

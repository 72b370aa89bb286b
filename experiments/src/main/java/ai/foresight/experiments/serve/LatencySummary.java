package ai.foresight.experiments.serve;

import java.util.Arrays;

/**
 * Percentiles of a set of latencies, nearest-rank (the p-th percentile is the smallest value with at least p% of the
 * values at or below it, so p99 of 100 values is the 99th smallest).
 *
 * @param count  values summarised
 * @param p50Ms  median, milliseconds
 * @param p99Ms  99th percentile, milliseconds
 * @param meanMs mean, milliseconds
 * @param maxMs  largest, milliseconds
 */
public record LatencySummary(int count, double p50Ms, double p99Ms, double meanMs, double maxMs) {

    /** Summarises {@code millis} (at least one value). */
    public static LatencySummary of(double[] millis) {
        if (millis == null || millis.length == 0) {
            throw new IllegalArgumentException("latencies: expected at least one value");
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new LatencySummary(sorted.length, percentile(sorted, 50), percentile(sorted, 99),
                Arrays.stream(sorted).average().orElseThrow(), sorted[sorted.length - 1]);
    }

    /** Nearest-rank percentile {@code p} in (0, 100] of ascending {@code sorted}. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}

package ai.foresight.experiments.bench;

import java.util.Arrays;

/** Summaries of repeated timings; the median resists the odd slow run (GC, a neighbour's burst). */
public final class Timings {
    private Timings() {}

    /** The median of {@code values} (mean of the middle two for an even count). */
    public static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("values: expected at least one timing");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}

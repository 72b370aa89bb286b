package ai.foresight.experiments.planbench;

import ai.foresight.experiments.bench.Timings;
import java.util.Arrays;

/**
 * Wall-clock seconds of the timed plans of one planner.
 *
 * @param planner planner id
 * @param seconds every timed plan, in order
 * @param evaluationsPerPlan candidate rollouts of the last plan (constant for CEM: N x iterations)
 */
public record PlannerTiming(String planner, double[] seconds, long evaluationsPerPlan) {
    public PlannerTiming {
        if (seconds == null || seconds.length == 0) {
            throw new IllegalArgumentException("seconds: expected at least one timed plan");
        }
        seconds = seconds.clone();
    }

    public double median() {
        return Timings.median(seconds);
    }

    /** The 90th percentile, nearest rank: the ceil(0.9 n)-th smallest. */
    public double p90() {
        return percentile(seconds, 0.9);
    }

    /** Nearest-rank percentile {@code q} in (0, 1] of {@code values}. */
    public static double percentile(double[] values, double q) {
        if (values.length == 0) {
            throw new IllegalArgumentException("values: expected at least one value");
        }
        if (!(q > 0 && q <= 1)) {
            throw new IllegalArgumentException("q: expected a fraction in (0, 1], got " + q);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}

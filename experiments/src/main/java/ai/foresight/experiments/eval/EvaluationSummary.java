package ai.foresight.experiments.eval;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Headline figures of a closed-loop evaluation: success rate with its 95% Wilson interval, final
 * distance, planning time per replan, and how far the model's forecasts of the executed chunks were from
 * what happened (median over every forecast; NaN when the controller made none).
 */
public record EvaluationSummary(
        String world,
        int pairs,
        int successes,
        WilsonInterval interval,
        double finalDistanceMean,
        double planSecondsMedian,
        double planSecondsP90,
        int replans,
        double forecastErrorMedian) {

    public double successRate() {
        return (double) successes / pairs;
    }

    /** Summarises records of one world. */
    public static EvaluationSummary of(String world, List<EpisodeRecord> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("records: expected at least one evaluated pair");
        }
        int successes = (int) records.stream().filter(EpisodeRecord::success).count();
        double distance = records.stream().mapToDouble(EpisodeRecord::finalDistance).average().orElse(Double.NaN);
        double[] times = records.stream().flatMapToDouble(r -> Arrays.stream(r.planSeconds())).sorted().toArray();
        double[] misses = records.stream().flatMapToDouble(r -> Arrays.stream(r.forecastErrors())).sorted().toArray();
        return new EvaluationSummary(world, records.size(), successes, WilsonInterval.of95(successes, records.size()),
                distance, quantile(times, 0.5), quantile(times, 0.9), times.length, quantile(misses, 0.5));
    }

    /** Median of unsorted values; NaN when empty. */
    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return quantile(sorted, 0.5);
    }

    /** Linear-interpolated quantile of sorted values; NaN when empty. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** The snake_case figures a job prints with {@code --json}. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("world", world);
        m.put("pairs", pairs);
        m.put("successes", successes);
        m.put("success_rate", successRate());
        m.put("success_ci95_low", interval.low());
        m.put("success_ci95_high", interval.high());
        m.put("final_distance_mean", finalDistanceMean);
        m.put("plan_seconds_median", planSecondsMedian);
        m.put("plan_seconds_p90", planSecondsP90);
        m.put("replans", replans);
        if (Double.isFinite(forecastErrorMedian)) {
            m.put("forecast_error_median", forecastErrorMedian);
        }
        return m;
    }

    @Override
    public String toString() {
        return String.format("%s: success %d/%d = %.2f (95%% CI %s), final distance %.3f, plan %.3f s median",
                world, successes, pairs, successRate(), interval, finalDistanceMean, planSecondsMedian);
    }
}

package ai.foresight.experiments.planbench;

import ai.foresight.experiments.bench.MatmulBenchmark;
import java.util.List;

/**
 * What {@link PlanBenchmark} measured.
 *
 * @param model what was timed (preset or directory, and whether the weights are trained)
 * @param trained whether the weights come from training
 * @param config the settings
 * @param flopsPerPlan matmul FLOPs of one CEM plan (N x iterations rollouts of H steps), counted analytically
 * @param timings per planner, CEM first
 * @param peaks the same-run fp32 matmul measurements, before and after the plans
 * @param comparisons per planner other than CEM: evaluations to reach CEM's final cost
 * @param breakdown where one CEM plan's time goes, or null when not measured
 * @param torchThreads libtorch intra-op threads during the run
 * @param loadAverage the machine's one-minute load average at the end (other processes share the cores)
 */
public record PlanBenchResult(
        String model,
        boolean trained,
        PlanBenchConfig config,
        long flopsPerPlan,
        List<PlannerTiming> timings,
        List<MatmulBenchmark.Result> peaks,
        List<PlannerComparison> comparisons,
        PlanTimeBreakdown breakdown,
        int torchThreads,
        double loadAverage) {

    public PlanBenchResult {
        timings = List.copyOf(timings);
        peaks = List.copyOf(peaks);
        comparisons = List.copyOf(comparisons);
        if (timings.isEmpty() || !timings.get(0).planner().equals("cem")) {
            throw new IllegalArgumentException("timings: expected CEM's first");
        }
        if (peaks.isEmpty()) {
            throw new IllegalArgumentException("peaks: expected at least one matmul measurement");
        }
    }

    public PlannerTiming cem() {
        return timings.get(0);
    }

    /** The best fp32 matmul GFLOP/s measured in this run. */
    public double peakGflops() {
        return peaks.stream().mapToDouble(MatmulBenchmark.Result::gflops).max().orElseThrow();
    }

    /** Matmul FLOPs of a CEM plan over its median time. */
    public double achievedGflops() {
        return flopsPerPlan / cem().median() / 1e9;
    }

    /** Achieved over peak. */
    public double efficiency() {
        return achievedGflops() / peakGflops();
    }

    /** The comparison for {@code planner}, or null if it was not run. */
    public PlannerComparison comparison(String planner) {
        return comparisons.stream().filter(c -> c.planner().equals(planner)).findFirst().orElse(null);
    }
}

package ai.foresight.experiments.planbench;

import ai.foresight.planner.optim.CemConfig;
import ai.foresight.planner.optim.CemOptimizer;
import ai.foresight.planner.optim.IcemConfig;
import ai.foresight.planner.optim.IcemOptimizer;
import ai.foresight.planner.optim.MppiConfig;
import ai.foresight.planner.optim.MppiOptimizer;
import ai.foresight.planner.optim.SequenceOptimizer;
import java.util.List;

/**
 * Settings of {@link PlanBenchmark}.
 *
 * @param samples candidates per CEM iteration (N; DINO-WM 300), also MPPI's
 * @param elites elites (K; DINO-WM 30)
 * @param horizon frame steps per plan (H; DINO-WM 5)
 * @param iterations CEM iterations per plan (DINO-WM 10 for Wall)
 * @param plans timed plans per planner (median and p90 are reported)
 * @param warmup untimed plans first
 * @param pairs start/goal scenarios the planners are compared on
 * @param planners planners to time and compare against CEM: cem, icem, mppi (CEM always runs)
 * @param actionBound the search box is [-bound, bound] per normalised action dimension; reference
 *     actions that define reachable goals are drawn from half of it
 * @param comparisonBudget a compared planner may run this many times CEM's iterations to reach CEM's cost
 * @param matmulSizes matrix sides of the same-run fp32 matmul peak (the best is the peak)
 * @param icemSamples iCEM's first population (Pinneri et al. use fewer samples than CEM); its elites keep
 *     CEM's elite fraction
 * @param icemNoiseExponent iCEM's coloured-noise beta (2 in the paper, 0 = white)
 * @param seed seed of scenarios and optimisers
 */
public record PlanBenchConfig(
        int samples,
        int elites,
        int horizon,
        int iterations,
        int plans,
        int warmup,
        int pairs,
        List<String> planners,
        float actionBound,
        int comparisonBudget,
        List<Integer> matmulSizes,
        int icemSamples,
        float icemNoiseExponent,
        long seed) {

    /** Planner ids this benchmark knows. */
    public static final List<String> PLANNERS = List.of("cem", "icem", "mppi");

    public PlanBenchConfig {
        atLeast("samples", samples, 2);
        if (elites < 1 || 2 * elites > samples) {
            throw new IllegalArgumentException("elites: expected 1..samples/2 (" + samples / 2 + "), got " + elites);
        }
        atLeast("horizon", horizon, 1);
        atLeast("iterations", iterations, 1);
        atLeast("plans", plans, 1);
        atLeast("warmup", warmup, 0);
        atLeast("pairs", pairs, 1);
        if (planners == null || planners.isEmpty()) {
            throw new IllegalArgumentException("planners: expected at least one of " + PLANNERS);
        }
        for (String p : planners) {
            if (!PLANNERS.contains(p)) {
                throw new IllegalArgumentException("planners: expected ids from " + PLANNERS + ", got '" + p + "'");
            }
        }
        planners = List.copyOf(planners);
        if (!(actionBound > 0) || !Float.isFinite(actionBound)) {
            throw new IllegalArgumentException("actionBound: expected a finite value > 0, got " + actionBound);
        }
        atLeast("comparisonBudget", comparisonBudget, 1);
        if (matmulSizes == null || matmulSizes.isEmpty()) {
            throw new IllegalArgumentException("matmulSizes: expected at least one matrix side");
        }
        for (int size : matmulSizes) {
            if (size < 1 || size > 16_384) {
                throw new IllegalArgumentException("matmulSizes: expected sides in 1..16384, got " + size);
            }
        }
        matmulSizes = List.copyOf(matmulSizes);
        atLeast("icemSamples", icemSamples, 2);
        if (!(icemNoiseExponent >= 0) || !Float.isFinite(icemNoiseExponent)) {
            throw new IllegalArgumentException("icemNoiseExponent: expected a finite beta >= 0, got " + icemNoiseExponent);
        }
    }

    /** iCEM's elites: CEM's elite fraction of its population, at least 1 and at most half of it. */
    public int icemElites() {
        return Math.max(1, Math.min(icemSamples / 2, Math.round((float) elites * icemSamples / samples)));
    }

    private static void atLeast(String field, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(field + ": expected at least " + min + ", got " + value);
        }
    }

    /** DINO-WM's Wall planning budget (300 x 5 x 10, top 30), 10 timed plans after 2, 3 scenarios. */
    public static PlanBenchConfig defaults() {
        return new PlanBenchConfig(300, 30, 5, 10, 10, 2, 3, List.of("cem", "icem"), 2f, 3, List.of(1024, 2048), 300, 2f, 0L);
    }

    /** Seconds on any machine: for tests. */
    public static PlanBenchConfig tiny() {
        return new PlanBenchConfig(16, 4, 2, 2, 2, 1, 1, List.of("cem", "icem"), 2f, 3, List.of(64), 16, 2f, 0L);
    }

    /** Candidates CEM evaluates per plan: N x iterations. */
    public long cemEvaluations() {
        return (long) samples * iterations;
    }

    /**
     * A fresh optimiser of planner {@code id} with this config's population, elites and seed-derived
     * stream, running {@code runIterations} iterations.
     */
    public SequenceOptimizer optimizer(String id, int runIterations, long runSeed) {
        return switch (id) {
            case "cem" -> new CemOptimizer(new CemConfig(samples, elites, runIterations, 1f, 0f, 0f, runSeed));
            case "icem" -> {
                IcemConfig d = IcemConfig.defaults();
                yield new IcemOptimizer(new IcemConfig(icemSamples, icemElites(), runIterations, d.initSigma(), d.minSigma(),
                        d.momentum(), icemNoiseExponent, d.populationDecay(), d.keepEliteFraction(),
                        d.addMeanAtLastIteration(), runSeed));
            }
            case "mppi" -> {
                MppiConfig d = MppiConfig.defaults();
                yield new MppiOptimizer(new MppiConfig(samples, elites, runIterations, d.temperature(), d.minStd(),
                        d.maxStd(), runSeed));
            }
            default -> throw new IllegalArgumentException("planner: expected one of " + PLANNERS + ", got '" + id + "'");
        };
    }
}

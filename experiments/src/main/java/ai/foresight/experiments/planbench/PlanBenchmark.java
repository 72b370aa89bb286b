package ai.foresight.experiments.planbench;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.foresight.experiments.bench.MatmulBenchmark;
import ai.foresight.planner.optim.ObjectiveFunction;
import ai.foresight.planner.optim.OptimizationResult;
import ai.foresight.planner.optim.SearchSpace;
import ai.foresight.planner.optim.SequenceOptimizer;
import ai.foresight.worldmodel.WorldModel;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * How fast one planning call runs on a world model, and how close it comes to the machine: DINO-WM's
 * CEM budget (Zhou et al., 2024: 300 samples x horizon 5 x 10 iterations) timed over several plans after
 * warm-up, its matmul FLOPs counted analytically ({@link PredictorFlops}) against an fp32 matmul peak
 * measured in the same run (before and after the plans, the better counts), how many evaluations iCEM
 * (Pinneri et al., 2020) or MPPI need to reach CEM's final cost on the same reachable start/goal pairs,
 * and where a CEM plan's time goes ({@link PlanTimeBreakdown}).
 */
public final class PlanBenchmark {

    /** Progress: {@code done} of {@code total} units of {@code stage}. */
    @FunctionalInterface
    public interface Listener {
        void step(String stage, int done, int total);

        static Listener silent() {
            return (stage, done, total) -> {};
        }
    }

    private final PlanBenchConfig config;
    private final Listener listener;

    public PlanBenchmark(PlanBenchConfig config, Listener listener) {
        this.config = config;
        this.listener = listener == null ? Listener.silent() : listener;
    }

    /** Units of work {@link #run} reports, for a progress bar. */
    public static int totalSteps(PlanBenchConfig config, boolean breakdown) {
        int planners = (int) config.planners().stream().filter(p -> !p.equals("cem")).count() + 1;
        // plans per planner, CEM targets plus each other planner's runs per scenario, breakdown, two peaks
        return planners * (config.warmup() + config.plans()) + planners * config.pairs() + (breakdown ? 1 : 0) + 2;
    }

    /**
     * @param withBreakdown also measure where a CEM plan's time goes
     */
    public PlanBenchResult run(BenchModel bench, boolean withBreakdown, NDManager manager) throws IOException {
        WorldModel model = bench.model();
        List<String> planners = new ArrayList<>();
        planners.add("cem");
        config.planners().stream().filter(p -> !p.equals("cem")).forEach(planners::add);
        int[] done = {0};
        int total = totalSteps(config, withBreakdown);
        List<MatmulBenchmark.Result> peaks = new ArrayList<>(measurePeaks());
        listener.step("matmul peak", ++done[0], total);
        List<PlanningScenario> scenarios = new ArrayList<>();
        try {
            for (int i = 0; i < config.pairs(); i++) {
                scenarios.add(PlanningScenario.reachable(model, config.horizon(), config.actionBound() / 2,
                        config.seed() + 1000L * i, manager));
            }
            SearchSpace space = SearchSpace.symmetric(config.horizon(), model.config().predictor().frameActionDim(),
                    config.actionBound());
            List<PlannerTiming> timings = new ArrayList<>();
            for (String planner : planners) {
                timings.add(time(planner, model, scenarios, space, manager, done, total));
            }
            List<PlannerComparison> comparisons = new ArrayList<>();
            float[] cemCosts = cemTargets(model, scenarios, space, manager, done, total);
            for (String planner : planners.subList(1, planners.size())) {
                comparisons.add(compare(planner, cemCosts, model, scenarios, space, manager, done, total));
            }
            PlanTimeBreakdown breakdown = null;
            if (withBreakdown) {
                breakdown = PlanTimeBreakdown.measure(model, scenarios.get(0), config, Math.max(3, config.plans() / 2), manager);
                listener.step("breakdown", ++done[0], total);
            }
            peaks.addAll(measurePeaks());
            listener.step("matmul peak", ++done[0], total);
            PredictorFlops counter = new PredictorFlops(model.config().predictor(), model.config().latentDim(),
                    model.config().usesRepo());
            long flops = counter.planFlops(config.cemEvaluations(), config.horizon(), scenarios.get(0).context().frames());
            return new PlanBenchResult(bench.description(), bench.trained(), config, flops, timings, peaks, comparisons,
                    breakdown, JniUtils.getNumThreads(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            scenarios.forEach(PlanningScenario::close);
        }
    }

    private List<MatmulBenchmark.Result> measurePeaks() {
        List<MatmulBenchmark.Result> results = new ArrayList<>();
        for (int size : config.matmulSizes()) {
            results.add(MatmulBenchmark.measure(new MatmulBenchmark.Config(size, 5, 2)));
        }
        return results;
    }

    private PlannerTiming time(String planner, WorldModel model, List<PlanningScenario> scenarios, SearchSpace space,
            NDManager manager, int[] done, int total) {
        SequenceOptimizer optimizer = config.optimizer(planner, config.iterations(), config.seed());
        double[] seconds = new double[config.plans()];
        long evaluations = 0;
        for (int i = -config.warmup(); i < config.plans(); i++) {
            PlanningScenario scenario = scenarios.get(Math.floorMod(i, scenarios.size()));
            ObjectiveFunction objective = scenario.objective(model);
            try (NDManager m = manager.newSubManager()) {
                long start = System.nanoTime();
                OptimizationResult result = optimizer.optimize(objective, space, m);
                long elapsed = System.nanoTime() - start;
                if (i >= 0) {
                    seconds[i] = elapsed / 1e9;
                    evaluations = result.trace().totalEvaluations();
                }
            }
            listener.step(planner + " plans", ++done[0], total);
        }
        return new PlannerTiming(planner, seconds, evaluations);
    }

    private float[] cemTargets(WorldModel model, List<PlanningScenario> scenarios, SearchSpace space, NDManager manager,
            int[] done, int total) {
        float[] costs = new float[scenarios.size()];
        for (int i = 0; i < costs.length; i++) {
            SequenceOptimizer cem = config.optimizer("cem", config.iterations(), config.seed() + i);
            try (NDManager m = manager.newSubManager()) {
                costs[i] = cem.optimize(scenarios.get(i).objective(model), space, m).bestCost();
            }
            listener.step("cem targets", ++done[0], total);
        }
        return costs;
    }

    private PlannerComparison compare(String planner, float[] targets, WorldModel model, List<PlanningScenario> scenarios,
            SearchSpace space, NDManager manager, int[] done, int total) {
        long[] reach = new long[targets.length];
        long[] budgets = new long[targets.length];
        int iterations = config.iterations() * config.comparisonBudget();
        for (int i = 0; i < targets.length; i++) {
            SequenceOptimizer optimizer = config.optimizer(planner, iterations, config.seed() + i);
            try (NDManager m = manager.newSubManager()) {
                OptimizationResult result = optimizer.optimize(scenarios.get(i).objective(model), space, m);
                reach[i] = result.trace().evaluationsToReach(targets[i]);
                budgets[i] = result.trace().totalEvaluations();
            }
            listener.step(planner + " vs cem", ++done[0], total);
        }
        return new PlannerComparison(planner, config.cemEvaluations(), targets, reach, budgets);
    }
}

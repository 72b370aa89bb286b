package ai.foresight.experiments.planbench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.foresight.experiments.bench.Timings;
import ai.foresight.planner.optim.ObjectiveFunction;
import ai.foresight.planner.optim.SearchSpace;
import ai.foresight.planner.optim.SequenceOptimizer;
import ai.foresight.worldmodel.WorldModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one CEM plan's time goes, each part timed on its own and scaled to a plan (N x H x iterations):
 *
 * <ul>
 *   <li>{@code objectiveSeconds}: the batched rollout plus goal distance, once per iteration;</li>
 *   <li>{@code gemmSeconds}: the rollout's matrix products alone, as bare matmuls of the same shapes
 *       ({@link MatmulReplay});</li>
 *   <li>{@code dispatchFloorSeconds}: the same objective on one candidate, where arithmetic is negligible:
 *       the fixed cost of the ops themselves (Java, JNI, libtorch dispatch and allocation);</li>
 *   <li>{@code optimizerSeconds}: a whole CEM plan on a trivial cost (sum of squares): sampling, sorting,
 *       refitting;</li>
 *   <li>{@code opSeconds}: libtorch's profiler over two objective calls ({@link OpProfile}), self time of the
 *       costliest ops scaled to a plan, and the share of that time in GEMM ops.</li>
 * </ul>
 *
 * What the objective takes beyond GEMM is element-wise work, copies and dispatch.
 *
 * @param objectiveSeconds rollout + cost per plan
 * @param gemmSeconds bare matmuls per plan
 * @param dispatchFloorSeconds one-candidate objective per plan
 * @param optimizerSeconds optimiser alone per plan
 * @param gemmGflops the rollout's matmul FLOPs over {@code gemmSeconds}
 * @param opSeconds profiled self seconds per plan of the costliest libtorch ops, largest first
 * @param profiledGemmShare share of all profiled self time spent in GEMM ops
 */
public record PlanTimeBreakdown(
        double objectiveSeconds, double gemmSeconds, double dispatchFloorSeconds, double optimizerSeconds,
        double gemmGflops, Map<String, Double> opSeconds, double profiledGemmShare) {

    /** Ops listed in {@link #opSeconds}. */
    public static final int TOP_OPS = 8;

    public PlanTimeBreakdown {
        opSeconds = Collections.unmodifiableMap(new LinkedHashMap<>(opSeconds));
    }

    /** The rollout's work beyond its matrix products: element-wise ops, copies and dispatch. */
    public double nonGemmSeconds() {
        return Math.max(0, objectiveSeconds - gemmSeconds);
    }

    /**
     * Measures the parts for {@code config}'s CEM budget on {@code scenario}.
     *
     * @param reps timed repetitions of each part (medians are used)
     */
    public static PlanTimeBreakdown measure(WorldModel model, PlanningScenario scenario, PlanBenchConfig config,
            int reps, NDManager parent) throws IOException {
        PredictorFlops counter = new PredictorFlops(model.config().predictor(), model.config().latentDim(),
                model.config().usesRepo());
        ObjectiveFunction objective = scenario.objective(model);
        int ka = model.config().predictor().frameActionDim();
        int iterations = config.iterations();
        double objective1 = medianObjectiveSeconds(objective, config.samples(), config.horizon(), ka, reps, parent);
        double floor1 = medianObjectiveSeconds(objective, 1, config.horizon(), ka, reps, parent);
        int contextFrames = scenario.context().frames();
        double gemm = 0;
        long gemmFlops = 0;
        for (int s = 0; s < config.horizon(); s++) {
            List<MatmulShape> step = counter.forward(config.samples(), counter.windowAt(contextFrames, s), true);
            gemm += MatmulReplay.medianSeconds(step, reps, parent);
            gemmFlops += PredictorFlops.total(step);
        }
        double optimizer = medianOptimizerSeconds(config, ka, reps, parent);
        int profiled = 2;
        OpProfile ops = OpProfile.of(() -> {
            for (int r = 0; r < profiled; r++) {
                medianObjectiveSeconds(objective, config.samples(), config.horizon(), ka, 1, parent);
            }
        });
        // each medianObjectiveSeconds call above runs the objective twice (one untimed, one timed)
        double scale = (double) iterations / (2 * profiled);
        Map<String, Double> top = new LinkedHashMap<>();
        ops.top(TOP_OPS).forEach((op, seconds) -> top.put(op, seconds * scale));
        return new PlanTimeBreakdown(objective1 * iterations, gemm * iterations, floor1 * iterations, optimizer,
                gemmFlops / gemm / 1e9, top, ops.gemmSeconds() / ops.totalSeconds());
    }

    private static double medianObjectiveSeconds(ObjectiveFunction objective, int candidates, int horizon, int ka,
            int reps, NDManager parent) {
        double[] seconds = new double[reps];
        for (int r = -1; r < reps; r++) {
            try (NDManager m = parent.newSubManager(); NDScope scope = new NDScope()) {
                NDArray actions = m.randomNormal(new Shape(candidates, horizon, ka));
                long start = System.nanoTime();
                NDArray cost = objective.evaluate(actions);
                cost.toFloatArray(); // what an optimiser does next: read the costs
                long elapsed = System.nanoTime() - start;
                if (r >= 0) {
                    seconds[r] = elapsed / 1e9;
                }
            }
        }
        return Timings.median(seconds);
    }

    private static double medianOptimizerSeconds(PlanBenchConfig config, int ka, int reps, NDManager parent) {
        SequenceOptimizer cem = config.optimizer("cem", config.iterations(), config.seed());
        SearchSpace space = SearchSpace.symmetric(config.horizon(), ka, config.actionBound());
        ObjectiveFunction sumOfSquares = actions -> actions.square().sum(new int[] {1, 2});
        List<Double> seconds = new ArrayList<>();
        for (int r = -1; r < reps; r++) {
            try (NDManager m = parent.newSubManager()) {
                long start = System.nanoTime();
                cem.optimize(sumOfSquares, space, m);
                long elapsed = System.nanoTime() - start;
                if (r >= 0) {
                    seconds.add(elapsed / 1e9);
                }
            }
        }
        return Timings.median(seconds.stream().mapToDouble(Double::doubleValue).toArray());
    }
}

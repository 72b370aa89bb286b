package ai.foresight.planner.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Model predictive path integral control as TD-MPC2 runs it (Hansen et al. 2024, "TD-MPC2:
 * Scalable, Robust World Models for Continuous Control"; MPPI: Williams et al. 2017): sample N
 * sequences around the mean with a per-element standard deviation that starts at {@code maxStd},
 * keep the K best, weight them by {@code exp(tau * (value - max value))} with value = -cost,
 * and set the mean and standard deviation to the score-weighted mean and spread of the elites
 * (the spread clamped to [minStd, maxStd]).
 *
 * <p>Bounds as in {@link CemOptimizer}: the weighted mean of the unclipped elite samples,
 * projected onto the box, and the weighted spread of the clipped elites (TD-MPC2 refits both to
 * clamped samples, which approaches an optimum on a bound slowly). The temperature multiplies raw
 * costs, so it must suit the objective's scale: with cost gaps of many units among the elites
 * the weights collapse onto the best few samples. TD-MPC2 finally samples one elite by its score;
 * here the lowest-cost sequence evaluated is returned (deterministic), and the final weighted
 * mean is returned as {@code mean} for warm starts, which is what TD-MPC2 shifts into its next
 * plan.
 */
public final class MppiOptimizer implements SequenceOptimizer {
    private final MppiConfig config;
    private final GaussianNoise noise;

    public MppiOptimizer(MppiConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config: expected an MppiConfig, got null");
        }
        this.config = config;
        this.noise = new GaussianNoise(config.seed());
    }

    public MppiConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "mppi";
    }

    @Override
    public OptimizationResult optimize(ObjectiveFunction objective, SearchSpace space, WarmStart warmStart, NDManager manager) {
        if (objective == null || space == null || manager == null) {
            throw new IllegalArgumentException("objective, space, manager: expected non-null values");
        }
        if (warmStart != null) {
            warmStart.check(space);
        }
        try (NDManager run = manager.newSubManager()) {
            SearchRecorder recorder = new SearchRecorder(run);
            NDArray mean = warmStart == null ? run.zeros(space.sequenceShape()) : warmStart.mean().duplicate();
            mean.attach(run);
            NDArray std = run.full(space.sequenceShape(), config.maxStd());
            NDArray elites = null;
            for (int it = 0; it < config.iterations(); it++) {
                try (IterationScope scope = new IterationScope(run)) {
                    NDManager m = scope.manager();
                    NDArray eps = noise.sample(m, space.populationShape(config.samples()));
                    NDArray samples = eps.mul(std).add(mean);
                    NDArray population = space.clip(samples);
                    NDArray costs = recorder.evaluate(objective, population);
                    EliteSet top = EliteSet.select(population, samples, costs, config.elites());
                    // value = -cost (infinite costs capped so an all-infinite elite set weighs uniformly).
                    NDArray values = top.costs().minimum(Float.MAX_VALUE).neg();
                    NDArray shifted = values.sub(values.max()).mul(config.temperature());
                    NDArray score = shifted.exp();
                    score = score.div(score.sum());
                    NDArray weights = score.reshape(-1, 1, 1);
                    NDArray newMean = top.samples().mul(weights).sum(new int[] {0});
                    NDArray clippedMean = top.sequences().mul(weights).sum(new int[] {0});
                    NDArray spread = top.sequences().sub(clippedMean).square().mul(weights).sum(new int[] {0}).sqrt();
                    NDArray newStd = spread.clip(config.minStd(), config.maxStd());
                    mean.close();
                    std.close();
                    mean = scope.keep(space.clip(newMean));
                    std = scope.keep(newStd);
                    if (elites != null) {
                        elites.close();
                    }
                    elites = scope.keep(top.sequences().duplicate());
                }
            }
            try (IterationScope scope = new IterationScope(run)) {
                return recorder.result(space.clip(mean), elites, manager);
            }
        }
    }
}

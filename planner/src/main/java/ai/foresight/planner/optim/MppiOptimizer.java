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
 * plan. The search is the shared {@link EliteSearchLoop}; MPPI plugs in white Gaussian noise and
 * its score-weighted refit.
 */
public final class MppiOptimizer implements SequenceOptimizer {
    private final MppiConfig config;
    private final EliteSearchLoop loop;

    public MppiOptimizer(MppiConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config: expected an MppiConfig, got null");
        }
        this.config = config;
        GaussianNoise noise = new GaussianNoise(config.seed());
        this.loop = new EliteSearchLoop(config.iterations(), config.elites(), config.maxStd(),
                (m, space, it) -> noise.sample(m, space.populationShape(config.samples())), this::scoreWeightedRefit);
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
        return loop.run(objective, space, warmStart, manager);
    }

    /**
     * TD-MPC2's update: the score-weighted mean of the unclipped elite samples, projected onto the
     * box, and the score-weighted spread of the clipped elites, clamped to [minStd, maxStd].
     */
    private SamplingDistribution scoreWeightedRefit(EliteSet top, SamplingDistribution current, SearchSpace space) {
        // value = -cost (infinite costs capped so an all-infinite elite set weighs uniformly).
        NDArray values = top.costs().minimum(Float.MAX_VALUE).neg();
        NDArray shifted = values.sub(values.max()).mul(config.temperature());
        NDArray score = shifted.exp();
        score = score.div(score.sum());
        NDArray weights = score.reshape(-1, 1, 1);
        NDArray newMean = top.samples().mul(weights).sum(new int[] {0});
        NDArray clippedMean = top.sequences().mul(weights).sum(new int[] {0});
        NDArray spread = top.sequences().sub(clippedMean).square().mul(weights).sum(new int[] {0}).sqrt();
        return new SamplingDistribution(space.clip(newMean), spread.clip(config.minStd(), config.maxStd()));
    }
}

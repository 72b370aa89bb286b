package ai.foresight.planner.optim;

import ai.djl.ndarray.NDManager;

/**
 * The cross-entropy method over action sequences (Rubinstein 1999; as a planner: PlaNet, Hafner
 * et al. 2019, and DINO-WM, Zhou et al. 2024): sample N sequences from a diagonal Gaussian,
 * clip them to the bounds, evaluate all in one objective call, refit mean and standard deviation
 * to the K best, repeat. Optional momentum on the refit as in mbrl-lib's {@code CEMOptimizer}.
 *
 * <p>Bounds: candidates are clipped into the box; the mean is refitted to the elites' unclipped
 * samples and projected onto the box, the standard deviation to the clipped elites (see
 * {@code EliteSet}). Refitting both to clipped samples reaches an optimum on a bound only as fast
 * as sigma shrinks (errors of 0.15-0.2 after 10 iterations on the quadratic tests, against 0.01-0.04).
 *
 * <p>Returns the lowest-cost sequence ever evaluated (so the result's cost is a measured one) and
 * the final mean and elites. The search itself is the shared {@link EliteSearchLoop}; CEM plugs in
 * white Gaussian noise of N samples per iteration and the {@link MomentumRefit}.
 */
public final class CemOptimizer implements SequenceOptimizer {
    private final CemConfig config;
    private final EliteSearchLoop loop;

    public CemOptimizer(CemConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config: expected a CemConfig, got null");
        }
        this.config = config;
        GaussianNoise noise = new GaussianNoise(config.seed());
        this.loop = new EliteSearchLoop(config.iterations(), config.elites(), config.initSigma(),
                (m, space, it) -> noise.sample(m, space.populationShape(config.samples())),
                new MomentumRefit(config.minSigma(), config.momentum()));
    }

    public CemConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "cem";
    }

    @Override
    public OptimizationResult optimize(ObjectiveFunction objective, SearchSpace space, WarmStart warmStart, NDManager manager) {
        return loop.run(objective, space, warmStart, manager);
    }
}

package ai.foresight.planner.optim;

import ai.djl.ndarray.NDArray;
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
 * the final mean and elites.
 */
public final class CemOptimizer implements SequenceOptimizer {
    private final CemConfig config;
    private final GaussianNoise noise;

    public CemOptimizer(CemConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config: expected a CemConfig, got null");
        }
        this.config = config;
        this.noise = new GaussianNoise(config.seed());
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
            NDArray sigma = run.full(space.sequenceShape(), config.initSigma());
            NDArray elites = null;
            for (int it = 0; it < config.iterations(); it++) {
                try (IterationScope scope = new IterationScope(run)) {
                    NDManager m = scope.manager();
                    NDArray eps = noise.sample(m, space.populationShape(config.samples()));
                    NDArray samples = eps.mul(sigma).add(mean);
                    NDArray population = space.clip(samples);
                    NDArray costs = recorder.evaluate(objective, population);
                    EliteSet top = EliteSet.select(population, samples, costs, config.elites());
                    NDArray eliteMean = top.refitMean(space);
                    NDArray eliteStd = top.refitStd().maximum(config.minSigma());
                    float a = config.momentum();
                    NDArray newMean = scope.keep(mean.mul(a).add(eliteMean.mul(1 - a)));
                    NDArray newSigma = scope.keep(sigma.mul(a).add(eliteStd.mul(1 - a)));
                    mean.close();
                    sigma.close();
                    mean = newMean;
                    sigma = newSigma;
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

package ai.foresight.planner.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.HashMap;
import java.util.Map;

/**
 * Improved CEM (Pinneri et al. 2020, "Sample-efficient Cross-Entropy Method for Real-time
 * Planning"): CEM whose samples are temporally correlated coloured noise (1/f^beta), whose
 * population shrinks by a factor gamma each iteration, which carries a fraction of the elites into
 * the next iteration and, when warm started with the previous plan's shifted elites, into the next
 * plan, and which evaluates the mean itself in the last iteration.
 *
 * <p>Shifted elites arrive through {@link WarmStart#elites()} (the {@code TrajectoryPlanner} shifts
 * them and pads their tail the same way as the mean). Carried elites are re-evaluated with the new
 * population, and counted as evaluations, so the trace reports the true objective budget. Bounds
 * are handled as in {@link CemOptimizer}.
 */
public final class IcemOptimizer implements SequenceOptimizer {
    private final IcemConfig config;
    private final GaussianNoise white;
    private final Map<Integer, ColoredNoise> noiseByHorizon = new HashMap<>();

    public IcemOptimizer(IcemConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config: expected an IcemConfig, got null");
        }
        this.config = config;
        this.white = new GaussianNoise(config.seed());
    }

    public IcemConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "icem";
    }

    @Override
    public OptimizationResult optimize(ObjectiveFunction objective, SearchSpace space, WarmStart warmStart, NDManager manager) {
        if (objective == null || space == null || manager == null) {
            throw new IllegalArgumentException("objective, space, manager: expected non-null values");
        }
        if (warmStart != null) {
            warmStart.check(space);
        }
        ColoredNoise colored = noiseByHorizon.computeIfAbsent(space.horizon(),
                h -> new ColoredNoise(config.noiseExponent(), h));
        int keep = config.keptElites();
        try (NDManager run = manager.newSubManager()) {
            SearchRecorder recorder = new SearchRecorder(run);
            NDArray mean = warmStart == null ? run.zeros(space.sequenceShape()) : warmStart.mean().duplicate();
            mean.attach(run);
            NDArray sigma = run.full(space.sequenceShape(), config.initSigma());
            NDArray carried = null;
            if (warmStart != null && warmStart.elites() != null && keep > 0) {
                long available = warmStart.elites().getShape().get(0);
                carried = space.clip(warmStart.elites().get(new NDIndex("0:" + Math.min(keep, available))));
                carried.attach(run);
            }
            NDArray elites = null;
            for (int it = 0; it < config.iterations(); it++) {
                try (IterationScope scope = new IterationScope(run)) {
                    NDManager m = scope.manager();
                    NDArray eps = colored.sample(m, white, config.populationAt(it), space.actionDim());
                    NDArray samples = eps.mul(sigma).add(mean);
                    if (carried != null) {
                        samples = samples.concat(carried, 0);
                    }
                    if (it == config.iterations() - 1 && config.addMeanAtLastIteration()) {
                        samples = samples.concat(mean.expandDims(0), 0);
                    }
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
                    if (carried != null) {
                        carried.close();
                    }
                    carried = keep > 0 ? scope.keep(top.first(keep).duplicate()) : null;
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

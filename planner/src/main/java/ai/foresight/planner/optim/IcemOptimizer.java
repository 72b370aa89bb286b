package ai.foresight.planner.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
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
 * are handled as in {@link CemOptimizer}. The search is the shared {@link EliteSearchLoop} with
 * elite carry-over and mean evaluation switched on; iCEM plugs in coloured noise of a decaying
 * population size and CEM's {@link MomentumRefit}.
 */
public final class IcemOptimizer implements SequenceOptimizer {
    private final IcemConfig config;
    private final GaussianNoise white;
    private final Map<Integer, ColoredNoise> noiseByHorizon = new HashMap<>();
    private final EliteSearchLoop loop;

    public IcemOptimizer(IcemConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config: expected an IcemConfig, got null");
        }
        this.config = config;
        this.white = new GaussianNoise(config.seed());
        this.loop = new EliteSearchLoop(config.iterations(), config.elites(), config.initSigma(), config.keptElites(),
                config.addMeanAtLastIteration(), this::colouredNoise, new MomentumRefit(config.minSigma(), config.momentum()));
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
        return loop.run(objective, space, warmStart, manager);
    }

    /** Iteration {@code iteration}'s fresh candidates: coloured noise {@code (populationAt(iteration), H, A)}. */
    private NDArray colouredNoise(NDManager manager, SearchSpace space, int iteration) {
        ColoredNoise colored = noiseByHorizon.computeIfAbsent(space.horizon(), h -> new ColoredNoise(config.noiseExponent(), h));
        return colored.sample(manager, white, config.populationAt(iteration), space.actionDim());
    }
}

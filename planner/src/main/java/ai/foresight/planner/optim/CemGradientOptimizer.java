package ai.foresight.planner.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;

/**
 * Sampling then descent: CEM finds the basin, projected Adam through the differentiable model
 * polishes the best sequence CEM evaluated. This hybrid is the "CEM + GD" planner of
 * "Gradient-based Planning with World Models" (Jyothir S V et al. 2023) and of Bharadhwaj et al.
 * (2020, "Model-Predictive Control via Cross-Entropy and Gradient-Based Optimization").
 *
 * <p>The trace is the CEM trace followed by the gradient trace; the result is the lowest-cost
 * sequence of either stage (refinement starts from the CEM best, so it can only improve on it).
 */
public final class CemGradientOptimizer implements SequenceOptimizer {
    private final CemGradientConfig config;
    private final CemOptimizer cem;
    private final GradientOptimizer gradient;

    public CemGradientOptimizer(CemGradientConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config: expected a CemGradientConfig, got null");
        }
        this.config = config;
        this.cem = new CemOptimizer(config.cem());
        this.gradient = new GradientOptimizer(config.gradient());
    }

    public CemGradientConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "cem-gradient";
    }

    @Override
    public OptimizationResult optimize(ObjectiveFunction objective, SearchSpace space, WarmStart warmStart, NDManager manager) {
        GradientOptimizer.requireDifferentiable(objective);
        if (manager == null) {
            throw new IllegalArgumentException("manager: expected an NDManager, got null");
        }
        try (NDManager run = manager.newSubManager();
                OptimizationResult sampled = cem.optimize(objective, space, warmStart, run);
                OptimizationResult refined = gradient.optimize(objective, space, WarmStart.ofMean(sampled.best()), run)) {
            OptimizationTrace trace = sampled.trace().then(refined.trace());
            boolean refinedWins = refined.bestCost() <= sampled.bestCost();
            OptimizationResult winner = refinedWins ? refined : sampled;
            return new OptimizationResult(
                    escape(winner.best(), manager),
                    winner.bestCost(),
                    escape(refined.mean(), manager),
                    sampled.elites() == null ? null : escape(sampled.elites(), manager),
                    trace);
        }
    }

    private static NDArray escape(NDArray array, NDManager target) {
        NDArray copy = array.duplicate();
        NDScope.unregister(copy);
        copy.attach(target);
        return copy;
    }
}

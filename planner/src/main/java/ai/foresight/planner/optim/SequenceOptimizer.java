package ai.foresight.planner.optim;

import ai.djl.ndarray.NDManager;

/**
 * Minimises a black-box {@link ObjectiveFunction} over action sequences inside a
 * {@link SearchSpace}, in the style of mbrl-lib's {@code Optimizer} (Pineda et al. 2021,
 * "MBRL-Lib: A Modular Library for Model-based Reinforcement Learning"): the optimiser knows
 * nothing of models, only of {@code (N, H, A) -> (N)} costs.
 *
 * <p>Computation happens on the device of {@code manager}. Every array an iteration creates lives
 * in a scope that closes with the iteration; only the result's arrays escape, attached to
 * {@code manager}. Implementations hold a seeded random stream and are not thread-safe: use one
 * instance per thread (or per planning session).
 */
public interface SequenceOptimizer {

    /**
     * Searches for the lowest-cost sequence.
     *
     * @param objective costs of a population {@code (N, H, A) -> (N)}, lower is better
     * @param space horizon, action dimension and per-dimension bounds
     * @param warmStart initial mean (and elites) or null to start from the centre
     * @param manager owner of the returned arrays; its device runs the search
     * @return best sequence, its cost, final mean/elites and trace
     */
    OptimizationResult optimize(ObjectiveFunction objective, SearchSpace space, WarmStart warmStart, NDManager manager);

    /** {@link #optimize(ObjectiveFunction, SearchSpace, WarmStart, NDManager)} without a warm start. */
    default OptimizationResult optimize(ObjectiveFunction objective, SearchSpace space, NDManager manager) {
        return optimize(objective, space, null, manager);
    }

    /** Short identifier for logs and reports, e.g. {@code cem}. */
    String name();
}

package ai.foresight.planner.optim;

import ai.djl.ndarray.NDArray;

/**
 * A black-box cost over a batch of action sequences: {@code (N, H, A) -> (N)}, lower is better.
 *
 * <p>Optimisers call it once per iteration with the whole population, so an implementation
 * should evaluate all N candidates with batched array operations, never one by one.
 *
 * <p>Memory contract: every array the objective creates while evaluating is closed by the
 * optimiser when the iteration ends (the caller wraps the call in a sub-manager and an
 * {@link ai.djl.ndarray.NDScope}). An objective must therefore not cache arrays it creates inside
 * {@code evaluate}; precompute what it needs (goal features, constant tensors) beforehand. It must
 * not modify {@code actions}.
 */
@FunctionalInterface
public interface ObjectiveFunction {

    /**
     * Costs of a population of action sequences.
     *
     * @param actions candidate sequences, {@code (N, H, A)}, in the optimiser's units
     * @return costs, {@code (N)}, one per candidate; NaN is treated as +infinity
     */
    NDArray evaluate(NDArray actions);

    /** Whether {@link #evaluate} is built from differentiable operations end to end. */
    default boolean isDifferentiable() {
        return false;
    }
}

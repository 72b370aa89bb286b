package ai.foresight.planner.optim;

import ai.djl.ndarray.NDArray;

/**
 * The outcome of {@link SequenceOptimizer#optimize}: the best sequence evaluated and its cost,
 * the final sampling distribution's mean, the final elites (for warm starts that reuse them) and
 * the trace. Its arrays live in the manager passed to {@code optimize}; closing the result
 * closes them.
 *
 * @param best lowest-cost sequence evaluated, {@code (H, A)}
 * @param bestCost its cost
 * @param mean final mean of the search distribution (or final iterate), {@code (H, A)}
 * @param elites final elites, best first, {@code (K, H, A)}; null where an optimiser keeps none
 * @param trace per-iteration statistics
 */
public record OptimizationResult(NDArray best, float bestCost, NDArray mean, NDArray elites, OptimizationTrace trace)
        implements AutoCloseable {

    public OptimizationResult {
        if (best == null || mean == null || trace == null) {
            throw new IllegalArgumentException("best, mean, trace: expected non-null values");
        }
    }

    @Override
    public void close() {
        best.close();
        mean.close();
        if (elites != null) {
            elites.close();
        }
    }
}

package ai.foresight.planner.optim;

import ai.djl.ndarray.NDArray;

/**
 * Where a search starts: the sampling mean (usually the previous solution shifted by the
 * executed steps) and, for optimisers that reuse them (iCEM), the previous elites shifted the
 * same way.
 *
 * @param mean initial mean, {@code (H, A)}
 * @param elites previous elites, best first, {@code (K, H, A)}; may be null
 */
public record WarmStart(NDArray mean, NDArray elites) {

    public WarmStart {
        if (mean == null) {
            throw new IllegalArgumentException("mean: expected an (H, A) array, got null");
        }
    }

    /** A warm start from a mean only. */
    public static WarmStart ofMean(NDArray mean) {
        return new WarmStart(mean, null);
    }

    /** Throws unless the arrays fit {@code space}. */
    public void check(SearchSpace space) {
        space.checkSequence("warmStart.mean", mean);
        if (elites != null) {
            space.checkPopulation("warmStart.elites", elites);
        }
    }
}

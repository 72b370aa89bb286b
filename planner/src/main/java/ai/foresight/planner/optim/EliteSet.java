package ai.foresight.planner.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;

/**
 * The k lowest-cost members of a population, best first, as evaluated (clipped to the box) and as
 * sampled (before clipping, what the sampling distribution is refitted to).
 *
 * @param sequences elites as evaluated, {@code (K, H, A)}
 * @param samples the same elites before clipping, {@code (K, H, A)}
 * @param costs their costs, ascending, {@code (K)}
 */
record EliteSet(NDArray sequences, NDArray samples, NDArray costs) {

    /**
     * Selects the {@code k} lowest-cost members with a top-k on device.
     *
     * @param population evaluated candidates {@code (N, H, A)}
     * @param samples the same candidates before clipping {@code (N, H, A)}
     * @param costs {@code (N)}
     */
    static EliteSet select(NDArray population, NDArray samples, NDArray costs, int k) {
        long n = population.getShape().get(0);
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("elites: expected 1 <= k <= population size " + n + ", got " + k);
        }
        NDList top = costs.topK(k, 0, false, true);
        NDIndex index = new NDIndex("{}", top.get(1));
        return new EliteSet(population.get(index), samples.get(index), top.get(0));
    }

    /** The first {@code count} elites {@code (count, H, A)}. */
    NDArray first(int count) {
        return sequences.get(new NDIndex("0:" + count));
    }

    /**
     * The refitted mean {@code (H, A)}: the mean of the unclipped elite samples, projected onto the
     * box. When the optimum lies on a bound, elites sampled past it pull the mean exactly onto the
     * bound, where half the next samples land on it; projecting keeps the mean from drifting out
     * of the box, where every sample would clip to the same value and the search would stall.
     */
    NDArray refitMean(SearchSpace space) {
        return space.clip(samples.mean(new int[] {0}));
    }

    /** The refitted spread {@code (H, A)}: the (biased) standard deviation of the clipped elites. */
    NDArray refitStd() {
        NDArray mean = sequences.mean(new int[] {0});
        return sequences.sub(mean).square().mean(new int[] {0}).sqrt();
    }
}

package ai.foresight.planner.optim;

import ai.djl.ndarray.NDArray;

/**
 * The cross-entropy refit shared by CEM and iCEM: the elites' mean (of their unclipped samples,
 * projected onto the box) and standard deviation (of the clipped elites, floored at
 * {@code minSigma}), each blended with the previous value as
 * {@code new = momentum * old + (1 - momentum) * elite statistic} (mbrl-lib's smoothing).
 *
 * @param minSigma floor on the refitted standard deviation
 * @param momentum alpha in [0, 1); 0 replaces the distribution by the elite statistics
 */
record MomentumRefit(float minSigma, float momentum) implements EliteSearchLoop.Refit {

    @Override
    public SamplingDistribution next(EliteSet top, SamplingDistribution current, SearchSpace space) {
        NDArray eliteMean = top.refitMean(space);
        NDArray eliteStd = top.refitStd().maximum(minSigma);
        float a = momentum;
        return new SamplingDistribution(
                current.mean().mul(a).add(eliteMean.mul(1 - a)),
                current.spread().mul(a).add(eliteStd.mul(1 - a)));
    }
}

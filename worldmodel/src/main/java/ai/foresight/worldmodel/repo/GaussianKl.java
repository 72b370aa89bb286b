package ai.foresight.worldmodel.repo;

import ai.djl.ndarray.NDArray;
import ai.foresight.worldmodel.nn.LiveScalar;

/**
 * Closed-form KL divergence between diagonal Gaussians,
 * {@code KL(N(m₁, s₁²) ‖ N(m₂, s₂²)) = log(s₂/s₁) + (s₁² + (m₁ − m₂)²) / (2 s₂²) − 1/2} per dimension,
 * and RePo's balanced form. Constants are applied as live fp32 scalars (see {@link LiveScalar}) (Zhu et al., NeurIPS 2023, after DreamerV2's KL balancing).
 */
public final class GaussianKl {
    private GaussianKl() {}

    /** Element-wise KL(q ‖ p); all arrays share one shape, standard deviations positive. */
    public static NDArray elementwise(NDArray qMean, NDArray qStd, NDArray pMean, NDArray pStd) {
        NDArray varianceRatio = qStd.div(pStd).square();
        NDArray meanTerm = qMean.sub(pMean).div(pStd).square();
        return LiveScalar.times(varianceRatio.add(meanTerm).sub(1f).sub(varianceRatio.log()), 0.5);
    }

    /**
     * KL summed over the trailing {@code summedAxes} axes (e.g. tokens and latent dims), then averaged
     * over the rest (batch and time): nats per frame.
     */
    public static NDArray perFrame(NDArray qMean, NDArray qStd, NDArray pMean, NDArray pStd, int summedAxes) {
        NDArray kl = elementwise(qMean, qStd, pMean, pStd);
        int rank = kl.getShape().dimension();
        if (summedAxes < 0 || summedAxes > rank) {
            throw new IllegalArgumentException("summedAxes: expected 0 to " + rank + ", got " + summedAxes);
        }
        int[] axes = new int[summedAxes];
        for (int i = 0; i < summedAxes; i++) {
            axes[i] = rank - summedAxes + i;
        }
        NDArray summed = summedAxes == 0 ? kl : kl.sum(axes);
        return summed.mean();
    }

    /**
     * RePo's balanced KL: {@code balance · KL(sg(q) ‖ p) + (1 − balance) · KL(q ‖ sg(p))}. Its value equals
     * the plain KL; the balance only splits the gradient, training the prior {@code balance} times as hard
     * as it pulls the posterior towards the prior.
     */
    public static NDArray balanced(NDArray qMean, NDArray qStd, NDArray pMean, NDArray pStd, int summedAxes, double balance) {
        NDArray trainPrior = perFrame(qMean.stopGradient(), qStd.stopGradient(), pMean, pStd, summedAxes);
        NDArray trainPosterior = perFrame(qMean, qStd, pMean.stopGradient(), pStd.stopGradient(), summedAxes);
        return LiveScalar.times(trainPrior, balance).add(LiveScalar.times(trainPosterior, 1 - balance));
    }
}

package ai.foresight.encoders.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

/**
 * Global-norm gradient clipping (Pascanu et al., 2013): if the L2 norm of all gradients together
 * exceeds {@code maxNorm}, every gradient is scaled by {@code maxNorm / norm}, keeping the update's
 * direction. DJL's {@code optClipGrad} clamps each element instead, which changes the direction.
 */
public final class GradientClipping {
    private GradientClipping() {}

    /**
     * Clips in place and returns the norm before clipping (log it: a rising norm warns of divergence).
     *
     * @throws IllegalArgumentException if {@code maxNorm} is not positive
     */
    public static double clipGlobalNorm(PairList<String, Parameter> parameters, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("maxNorm: expected > 0, got " + maxNorm);
        }
        double sumSquares = 0;
        try (NDScope ignored = new NDScope()) {
            for (Pair<String, Parameter> e : parameters) {
                NDArray w = e.getValue().getArray();
                if (e.getValue().requiresGradient() && w.hasGradient()) {
                    sumSquares += w.getGradient().square().sum().toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
                }
            }
            double norm = Math.sqrt(sumSquares);
            if (norm > maxNorm) {
                double scale = maxNorm / (norm + 1e-12);
                for (Pair<String, Parameter> e : parameters) {
                    NDArray w = e.getValue().getArray();
                    if (e.getValue().requiresGradient() && w.hasGradient()) {
                        w.getGradient().muli(scale);
                    }
                }
            }
            return norm;
        }
    }
}

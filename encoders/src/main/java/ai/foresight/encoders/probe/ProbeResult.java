package ai.foresight.encoders.probe;

import java.util.Arrays;

/**
 * Held-out quality of a {@link RidgeProbe}.
 *
 * @param r2 coefficient of determination per target dimension, 1 − SS_res / SS_tot on the held-out
 *     set (NaN for a dimension that is constant there)
 * @param meanR2 mean of the finite entries of {@code r2}
 * @param lambda the ridge strength used
 * @param trainSamples rows fitted on
 * @param testSamples rows evaluated on
 */
public record ProbeResult(double[] r2, double meanR2, double lambda, int trainSamples, int testSamples) {
    @Override
    public double[] r2() {
        return r2.clone();
    }

    @Override
    public String toString() {
        return "ProbeResult[mean R² " + String.format("%.4f", meanR2) + ", per dim " + Arrays.toString(r2) + ", λ " + lambda + "]";
    }
}

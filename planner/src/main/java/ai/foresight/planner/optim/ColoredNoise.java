package ai.foresight.planner.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Gaussian noise along the time axis with power spectrum proportional to {@code 1/f^beta}, as iCEM
 * samples action sequences (Pinneri et al. 2020, "Sample-efficient Cross-Entropy Method for
 * Real-time Planning"): beta 0 is white noise, beta 2 is smooth, low-frequency "red" noise that
 * suits physical actuation.
 *
 * <p>Method (FFT-free, one matmul): a real signal of length H is a sum of H orthogonal real
 * Fourier modes (the constant, cos/sin pairs at frequencies k/H, and the alternating mode when H
 * is even). Each mode gets an independent N(0, 1) coefficient scaled by the amplitude
 * {@code f^(-beta/2)} (the lowest frequency 1/H stands in for f = 0). Because the modes are
 * orthogonal with equal norm, beta 0 reproduces white noise exactly. The basis is scaled so every
 * time step has unit marginal variance, whatever beta, so a CEM sigma keeps its meaning.
 * Samples are {@code white (M, H) x basis (H, H)}.
 */
final class ColoredNoise {
    private final float exponent;
    private final int horizon;
    private final float[] basis;

    /**
     * @param exponent beta at least 0
     * @param horizon H at least 1, the length of each sampled sequence
     */
    ColoredNoise(float exponent, int horizon) {
        if (!(exponent >= 0) || !Float.isFinite(exponent)) {
            throw new IllegalArgumentException("exponent: expected a finite beta >= 0, got " + exponent);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon: expected at least 1, got " + horizon);
        }
        this.exponent = exponent;
        this.horizon = horizon;
        this.basis = buildBasis(exponent, horizon);
    }

    float exponent() {
        return exponent;
    }

    /** The (H, H) basis, row r = mode r scaled by its amplitude and by the unit-variance factor. */
    float[] basis() {
        return basis.clone();
    }

    /**
     * Samples {@code n} sequences of {@code actionDim} independent coloured-noise channels.
     *
     * @return noise {@code (n, H, actionDim)} with unit marginal variance, attached to {@code manager}
     */
    NDArray sample(NDManager manager, GaussianNoise white, long n, int actionDim) {
        NDArray coefficients = white.sample(manager, new Shape(n * actionDim, horizon));
        NDArray modes = manager.create(basis, new Shape(horizon, horizon));
        NDArray series = coefficients.matMul(modes);
        NDArray noise = series.reshape(n, actionDim, horizon).transpose(0, 2, 1);
        coefficients.close();
        modes.close();
        series.close();
        return noise;
    }

    private static float[] buildBasis(float beta, int n) {
        double[][] rows = new double[n][n];
        double[] amplitude = new double[n];
        int r = 0;
        amplitude[r] = Math.sqrt(2) * spectralScale(0, n, beta) / n;
        for (int t = 0; t < n; t++) {
            rows[r][t] = amplitude[r];
        }
        double variance = amplitude[r] * amplitude[r];
        r++;
        for (int k = 1; 2 * k < n; k++) {
            double a = 2.0 * spectralScale(k, n, beta) / n;
            for (int t = 0; t < n; t++) {
                double phase = 2 * Math.PI * k * t / n;
                rows[r][t] = a * Math.cos(phase);
                rows[r + 1][t] = a * Math.sin(phase);
            }
            variance += a * a;
            r += 2;
        }
        if (n % 2 == 0 && n > 1) {
            double a = Math.sqrt(2) * spectralScale(n / 2, n, beta) / n;
            for (int t = 0; t < n; t++) {
                rows[r][t] = (t % 2 == 0) ? a : -a;
            }
            variance += a * a;
            r++;
        }
        double norm = 1.0 / Math.sqrt(variance);
        float[] flat = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < n; t++) {
                flat[i * n + t] = (float) (rows[i][t] * norm);
            }
        }
        return flat;
    }

    /** f^(-beta/2) with f = k/n, the zero frequency replaced by the lowest non-zero one. */
    private static double spectralScale(int k, int n, float beta) {
        double f = Math.max(k, 1) / (double) n;
        return Math.pow(f, -beta / 2.0);
    }
}

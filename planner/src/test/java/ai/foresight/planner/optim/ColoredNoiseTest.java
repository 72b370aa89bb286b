package ai.foresight.planner.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** Coloured noise has unit variance per step, is white at beta 0 and strongly correlated at beta 2. */
class ColoredNoiseTest {

    @Test
    void whiteBasisIsOrthonormal() {
        for (int h : new int[] {1, 2, 5, 8}) {
            float[] b = new ColoredNoise(0f, h).basis();
            // covariance of the output = B^T B must be the identity for white noise
            for (int s = 0; s < h; s++) {
                for (int t = 0; t < h; t++) {
                    double dot = 0;
                    for (int r = 0; r < h; r++) {
                        dot += b[r * h + s] * b[r * h + t];
                    }
                    assertEquals(s == t ? 1.0 : 0.0, dot, 1e-5, "H=" + h + " cov[" + s + "][" + t + "]");
                }
            }
        }
    }

    @Test
    void everyStepHasUnitVarianceForAnyExponent() {
        for (float beta : new float[] {0f, 1f, 2f, 3.5f}) {
            for (int h : new int[] {3, 10}) {
                float[] b = new ColoredNoise(beta, h).basis();
                for (int t = 0; t < h; t++) {
                    double variance = 0;
                    for (int r = 0; r < h; r++) {
                        variance += b[r * h + t] * b[r * h + t];
                    }
                    assertEquals(1.0, variance, 1e-5, "beta " + beta + " H " + h + " step " + t);
                }
            }
        }
    }

    @Test
    void sampledNoiseIsWhiteAtZeroAndCorrelatedAtTwo() {
        double whiteLag1 = lagOneCorrelation(0f);
        double redLag1 = lagOneCorrelation(2f);
        System.out.printf("lag-1 autocorrelation: beta 0 %.4f, beta 2 %.4f%n", whiteLag1, redLag1);
        assertTrue(Math.abs(whiteLag1) < 0.03, "white noise lag-1 correlation " + whiteLag1);
        assertTrue(redLag1 > 0.5, "beta-2 noise lag-1 correlation " + redLag1);
    }

    @Test
    void rejectsNegativeExponent() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ColoredNoise(-1f, 5));
        assertTrue(e.getMessage().startsWith("exponent"), e.getMessage());
    }

    /** Empirical lag-1 correlation of 4000 x 2 sequences of length 10, with empirical variance check. */
    private static double lagOneCorrelation(float beta) {
        int n = 4000;
        int h = 10;
        int a = 2;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray noise = new ColoredNoise(beta, h).sample(m, new GaussianNoise(3), n, a);
            assertEquals(new Shape(n, h, a), noise.getShape());
            float[] x = noise.toFloatArray();
            double sumSq = 0;
            double lag = 0;
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < a; d++) {
                    for (int t = 0; t < h; t++) {
                        double v = x[(i * h + t) * a + d];
                        sumSq += v * v;
                        if (t + 1 < h) {
                            lag += v * x[(i * h + t + 1) * a + d];
                        }
                    }
                }
            }
            double variance = sumSq / (n * h * a);
            assertEquals(1.0, variance, 0.05, "empirical variance at beta " + beta);
            return (lag / (n * (h - 1) * a)) / variance;
        }
    }
}

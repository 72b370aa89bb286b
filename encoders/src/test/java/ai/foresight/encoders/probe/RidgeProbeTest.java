package ai.foresight.encoders.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RidgeProbeTest {

    private static double[][] gaussian(SplittableRandom r, int n, int p) {
        double[][] a = new double[n][p];
        for (double[] row : a) {
            for (int j = 0; j < p; j++) {
                row[j] = r.nextGaussian() * (1 + j % 3) + j; // unequal scales and offsets
            }
        }
        return a;
    }

    private static double[][] apply(double[][] x, double[][] w, double[] b, double noise, SplittableRandom r) {
        double[][] y = new double[x.length][b.length];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < b.length; k++) {
                double v = b[k];
                for (int j = 0; j < w.length; j++) {
                    v += x[i][j] * w[j][k];
                }
                y[i][k] = v + noise * r.nextGaussian();
            }
        }
        return y;
    }

    @Test
    void recoversAKnownLinearMapOnHeldOutData() {
        SplittableRandom r = new SplittableRandom(1);
        double[][] w = {{1.5, 0}, {-2, 0.5}, {0, 3}, {0.25, -1}, {0, 0}};
        double[] b = {4, -7};
        double[][] trainX = gaussian(r, 300, 5);
        double[][] testX = gaussian(r, 100, 5);
        ProbeResult result = RidgeProbe.evaluate(trainX, apply(trainX, w, b, 0.01, r), testX, apply(testX, w, b, 0.01, r), 1e-6);
        assertTrue(result.r2()[0] > 0.9999 && result.r2()[1] > 0.9999, result.toString());
        // predictions on new points follow the true map
        double[][] probe = {{1, 2, 3, 4, 5}};
        double[] expected = apply(probe, w, b, 0, r)[0];
        assertArrayEquals(expected, RidgeProbe.fit(trainX, apply(trainX, w, b, 0, r), 1e-9).predict(probe)[0], 1e-4);
    }

    @Test
    void unrelatedTargetsScoreNearZero() {
        SplittableRandom r = new SplittableRandom(2);
        double[][] trainX = gaussian(r, 200, 4);
        double[][] testX = gaussian(r, 200, 4);
        double[][] trainY = gaussian(r, 200, 1);
        double[][] testY = gaussian(r, 200, 1);
        ProbeResult result = RidgeProbe.evaluate(trainX, trainY, testX, testY, 1e-2);
        assertTrue(result.meanR2() < 0.05, "noise cannot be predicted: " + result);
    }

    @Test
    void primalAndDualFormsAgreeWithANormalEquationsReference() {
        SplittableRandom r = new SplittableRandom(3);
        double lambda = 0.3;
        for (int[] np : new int[][] {{40, 12}, {12, 40}}) { // p < n uses the primal, p > n the dual form
            int n = np[0];
            int p = np[1];
            double[][] x = gaussian(r, n, p);
            double[][] y = gaussian(r, n, 2);
            double[][] ours = RidgeProbe.fit(x, y, lambda).weights();
            double[][] reference = referenceWeights(x, y, lambda);
            for (int i = 0; i < p; i++) {
                assertArrayEquals(reference[i], ours[i], 1e-8, "n=" + n + ", p=" + p + ", row " + i);
            }
        }
    }

    /** Standardise, centre, then solve (XᵀX/n + λI) W = XᵀY/n by Gaussian elimination: written apart from the probe. */
    private static double[][] referenceWeights(double[][] x, double[][] y, double lambda) {
        int n = x.length;
        int p = x[0].length;
        int k = y[0].length;
        double[][] xs = new double[n][p];
        for (int j = 0; j < p; j++) {
            double mean = 0;
            for (double[] row : x) {
                mean += row[j] / n;
            }
            double var = 0;
            for (double[] row : x) {
                var += (row[j] - mean) * (row[j] - mean) / n;
            }
            for (int i = 0; i < n; i++) {
                xs[i][j] = (x[i][j] - mean) / Math.sqrt(var);
            }
        }
        double[][] a = new double[p][p + k];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                for (int s = 0; s < n; s++) {
                    a[i][j] += xs[s][i] * xs[s][j] / n;
                }
            }
            a[i][i] += lambda;
            for (int c = 0; c < k; c++) {
                double ym = 0;
                for (double[] row : y) {
                    ym += row[c] / n;
                }
                for (int s = 0; s < n; s++) {
                    a[i][p + c] += xs[s][i] * (y[s][c] - ym) / n;
                }
            }
        }
        for (int col = 0; col < p; col++) {
            for (int row = col + 1; row < p; row++) {
                double f = a[row][col] / a[col][col];
                for (int c = col; c < p + k; c++) {
                    a[row][c] -= f * a[col][c];
                }
            }
        }
        double[][] w = new double[p][k];
        for (int row = p - 1; row >= 0; row--) {
            for (int c = 0; c < k; c++) {
                double v = a[row][p + c];
                for (int j = row + 1; j < p; j++) {
                    v -= a[row][j] * w[j][c];
                }
                w[row][c] = v / a[row][row];
            }
        }
        return w;
    }

    @Test
    void poolsPatchFeatures() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray f = m.arange(24f).reshape(2, 3, 4);
            assertEquals(new Shape(2, 4), FeaturePooling.MEAN.apply(f).getShape());
            assertArrayEquals(new float[] {4, 5, 6, 7}, FeaturePooling.MEAN.apply(f).get(0).toFloatArray(), 0f);
            double[][] rows = RidgeProbe.rows(FeaturePooling.FLATTEN.apply(f));
            assertEquals(12, rows[1].length);
            assertEquals(23.0, rows[1][11], 0);
        }
    }

    @Test
    void rejectsBadInput() {
        double[][] x = {{1, 2}, {3, 4}};
        assertThrows(IllegalArgumentException.class, () -> RidgeProbe.fit(x, new double[][] {{1}}, 0.1));
        assertThrows(IllegalArgumentException.class, () -> RidgeProbe.fit(x, new double[][] {{1}, {2}}, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RidgeProbe.fit(x, new double[][] {{1}, {2}}, 0.1).predict(new double[][] {{1, 2, 3}}));
        assertEquals("x[0]: expected 2 features, got 3", e.getMessage());
    }
}

package ai.foresight.adaptation.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EmbeddingDistanceTest {

    /** MMD² by explicit loops over pairs, as the definition reads. */
    private static double reference(double[][] x, double[][] y, double sigma) {
        return kernelMean(x, x, sigma) + kernelMean(y, y, sigma) - 2 * kernelMean(x, y, sigma);
    }

    private static double kernelMean(double[][] a, double[][] b, double sigma) {
        double sum = 0;
        for (double[] u : a) {
            for (double[] v : b) {
                double d = 0;
                for (int k = 0; k < u.length; k++) {
                    d += (u[k] - v[k]) * (u[k] - v[k]);
                }
                sum += Math.exp(-d / (2 * sigma * sigma));
            }
        }
        return sum / (a.length * b.length);
    }

    private static double[][] gaussian(Random r, int n, int d, double shift) {
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int k = 0; k < d; k++) {
                row[k] = r.nextGaussian() + shift;
            }
        }
        return x;
    }

    private static NDArray array(NDManager m, double[][] x) {
        double[] flat = new double[x.length * x[0].length];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, flat, i * x[0].length, x[0].length);
        }
        return m.create(flat, new Shape(x.length, x[0].length)).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
    }

    @Test
    void matchesTheDefinitionAndGrowsWithTheShift() {
        Random r = new Random(4);
        double[][] x = gaussian(r, 40, 3, 0);
        try (NDManager m = NDManager.newBaseManager()) {
            double previous = -1;
            for (double shift : new double[] {0.0, 1.5, 3.0}) {
                double[][] y = gaussian(new Random(11), 30, 3, shift);
                double mmd = EmbeddingDistance.mmdSquared(array(m, x), array(m, y), 1.3);
                assertEquals(reference(x, y, 1.3), mmd, 1e-5);
                assertTrue(mmd > previous, "MMD² must grow with the shift: " + mmd + " after " + previous);
                previous = mmd;
            }
            assertEquals(0, EmbeddingDistance.mmdSquared(array(m, x), array(m, x), 0.7), 1e-6);
        }
    }

    @Test
    void medianBandwidthAndPairedDistance() {
        try (NDManager m = NDManager.newBaseManager()) {
            // three points on a line at 0, 1, 3: squared distances 1, 9, 4 → median 4 → σ = √2
            NDArray x = m.create(new float[] {0, 1}, new Shape(2, 1));
            NDArray y = m.create(new float[] {3}, new Shape(1, 1));
            assertEquals(Math.sqrt(2), EmbeddingDistance.medianBandwidth(x, y), 1e-6);
            NDArray a = m.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
            NDArray b = m.create(new float[] {1, 0, 3, 7}, new Shape(2, 2));
            assertEquals((4 + 9) / 4.0, EmbeddingDistance.meanSquaredDistance(a, b), 1e-9);
            assertThrows(IllegalArgumentException.class, () -> EmbeddingDistance.mmdSquared(a, y, 1));
            assertThrows(IllegalArgumentException.class, () -> EmbeddingDistance.mmdSquared(a, b, 0));
        }
    }
}

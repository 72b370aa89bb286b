package ai.foresight.adaptation.metric;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * Distances between two sets of embeddings, for measuring alignment (never trained on).
 *
 * <p>{@link #mmdSquared}: the squared maximum mean discrepancy with a Gaussian kernel
 * k(a, b) = exp(−‖a − b‖² / (2σ²)) (Gretton et al., 2012, "A Kernel Two-Sample Test"), the biased
 * V-statistic mean k(X, X) + mean k(Y, Y) − 2 mean k(X, Y), which is ≥ 0 and 0 for identical sets.
 * {@link #medianBandwidth} is the usual median heuristic. {@link #meanSquaredDistance} compares paired rows.
 * All work is done in float64 inside a sub-manager that is closed before returning.
 */
public final class EmbeddingDistance {
    private EmbeddingDistance() {}

    /**
     * @param x (m, d) embeddings (higher ranks are flattened to rows)
     * @param y (n, d)
     * @param bandwidth σ > 0
     */
    public static double mmdSquared(NDArray x, NDArray y, double bandwidth) {
        if (!(bandwidth > 0) || Double.isInfinite(bandwidth)) {
            throw new IllegalArgumentException("bandwidth: expected a finite value > 0, got " + bandwidth);
        }
        try (NDManager m = x.getManager().newSubManager()) {
            NDArray a = rows(m, x, "x");
            NDArray b = rows(m, y, "y");
            checkWidths(a, b);
            double scale = -1.0 / (2 * bandwidth * bandwidth);
            double xx = kernelMean(a, a, scale);
            double yy = kernelMean(b, b, scale);
            double xy = kernelMean(a, b, scale);
            return Math.max(0, xx + yy - 2 * xy);
        }
    }

    /** σ = √(median pairwise squared distance / 2) over the pooled rows of x and y (distinct pairs). */
    public static double medianBandwidth(NDArray x, NDArray y) {
        try (NDManager m = x.getManager().newSubManager()) {
            NDArray a = rows(m, x, "x");
            NDArray b = rows(m, y, "y");
            checkWidths(a, b);
            NDArray all = a.concat(b, 0);
            double[] d = squaredDistances(all, all).toDoubleArray();
            int n = (int) all.getShape().get(0);
            double[] off = new double[n * (n - 1) / 2];
            int k = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    off[k++] = d[i * n + j];
                }
            }
            if (off.length == 0) {
                throw new IllegalArgumentException("x, y: expected at least two rows together");
            }
            Arrays.sort(off);
            double median = off.length % 2 == 1 ? off[off.length / 2] : 0.5 * (off[off.length / 2 - 1] + off[off.length / 2]);
            return Math.sqrt(Math.max(median, 1e-12) / 2);
        }
    }

    /** Mean over rows and dims of (x − y)²: paired rows must correspond (same states). */
    public static double meanSquaredDistance(NDArray x, NDArray y) {
        if (!x.getShape().equals(y.getShape())) {
            throw new IllegalArgumentException("y: expected " + x.getShape() + " like x, got " + y.getShape());
        }
        try (NDManager m = x.getManager().newSubManager()) {
            NDArray a = rows(m, x, "x");
            NDArray b = rows(m, y, "y");
            return a.sub(b).square().mean().getDouble();
        }
    }

    private static NDArray rows(NDManager m, NDArray x, String field) {
        Shape s = x.getShape();
        if (s.dimension() < 2 || s.get(0) < 1) {
            throw new IllegalArgumentException(field + ": expected (rows, …) with at least one row, got " + s);
        }
        NDArray copy = x.toType(DataType.FLOAT64, true); // a detached copy outside any gradient collector
        copy.attach(m);
        return copy.reshape(s.get(0), s.size() / s.get(0));
    }

    private static void checkWidths(NDArray a, NDArray b) {
        if (a.getShape().get(1) != b.getShape().get(1)) {
            throw new IllegalArgumentException("y: expected rows of " + a.getShape().get(1) + " values like x, got " + b.getShape().get(1));
        }
    }

    private static NDArray squaredDistances(NDArray a, NDArray b) {
        NDArray an = a.square().sum(new int[] {1}, true);
        NDArray bn = b.square().sum(new int[] {1}, true).transpose();
        return an.add(bn).sub(a.matMul(b.transpose()).mul(2)).maximum(0);
    }

    private static double kernelMean(NDArray a, NDArray b, double scale) {
        return squaredDistances(a, b).mul(scale).exp().mean().getDouble();
    }
}

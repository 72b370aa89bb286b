package ai.foresight.encoders.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * A linear probe: closed-form ridge regression from frame features to ground-truth state, the
 * standard test of whether a frozen representation linearly encodes what a planner needs (DINO-WM
 * probes its DINOv2 features the same way).
 *
 * <p>Features are standardised with the training mean and standard deviation, targets centred with
 * the training mean; then W minimises {@code (1/n)·‖Y − XW‖² + λ·‖W‖²}. With more features than rows
 * (p > n) the same solution is computed in its dual form {@code W = Xᵀ(XXᵀ/n + λI)⁻¹Y/n}, an n x n
 * system. Arithmetic is float64 in DJL.
 */
public final class RidgeProbe {
    private final double lambda;
    private final double[] featureMean;
    private final double[] featureScale;
    private final double[] targetMean;
    private final double[][] weights; // (p, k)

    private RidgeProbe(double lambda, double[] featureMean, double[] featureScale, double[] targetMean, double[][] weights) {
        this.lambda = lambda;
        this.featureMean = featureMean;
        this.featureScale = featureScale;
        this.targetMean = targetMean;
        this.weights = weights;
    }

    /**
     * Fits W on features {@code x} (n, p) and targets {@code y} (n, k).
     *
     * @param lambda ridge strength, positive (for standardised features 1e-3..1 is the useful range)
     */
    public static RidgeProbe fit(double[][] x, double[][] y, double lambda) {
        if (!(lambda > 0)) {
            throw new IllegalArgumentException("lambda: expected > 0, got " + lambda);
        }
        int n = rows("x", x);
        if (rows("y", y) != n) {
            throw new IllegalArgumentException("y: expected " + n + " rows like x, got " + y.length);
        }
        int p = x[0].length;
        int k = y[0].length;
        double[] mean = columnMeans(x);
        double[] scale = columnScales(x, mean);
        double[] yMean = columnMeans(y);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray xs = m.create(standardise(x, mean, scale)).reshape(n, p);
            NDArray yc = m.create(center(y, yMean)).reshape(n, k);
            NDArray w;
            if (p <= n) {
                NDArray gram = xs.transpose().matMul(xs).divi(n).addi(m.eye(p, p, 0, DataType.FLOAT64).muli(lambda));
                w = gram.inverse().matMul(xs.transpose().matMul(yc).divi(n));
            } else {
                NDArray gram = xs.matMul(xs.transpose()).divi(n).addi(m.eye(n, n, 0, DataType.FLOAT64).muli(lambda));
                w = xs.transpose().matMul(gram.inverse().matMul(yc)).divi(n);
            }
            double[] flat = w.toDoubleArray();
            double[][] weights = new double[p][k];
            for (int i = 0; i < p; i++) {
                System.arraycopy(flat, i * k, weights[i], 0, k);
            }
            return new RidgeProbe(lambda, mean, scale, yMean, weights);
        }
    }

    /**
     * Fits on one split and scores R² per target dimension on the other.
     */
    public static ProbeResult evaluate(double[][] trainX, double[][] trainY, double[][] testX, double[][] testY, double lambda) {
        RidgeProbe probe = fit(trainX, trainY, lambda);
        double[] r2 = probe.r2(testX, testY);
        double sum = 0;
        int finite = 0;
        for (double v : r2) {
            if (Double.isFinite(v)) {
                sum += v;
                finite++;
            }
        }
        return new ProbeResult(r2, finite == 0 ? Double.NaN : sum / finite, lambda, trainX.length, testX.length);
    }

    /** Converts pooled features (n, p) of any float type to rows for {@link #fit}. */
    public static double[][] rows(NDArray features) {
        Shape s = features.getShape();
        if (s.dimension() != 2) {
            throw new IllegalArgumentException("features: expected (n, p), got " + s);
        }
        double[] flat = features.toType(DataType.FLOAT64, false).toDoubleArray();
        int n = (int) s.get(0);
        int p = (int) s.get(1);
        double[][] out = new double[n][p];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * p, out[i], 0, p);
        }
        return out;
    }

    /** Predicted targets (n, k) for features {@code x} (n, p). */
    public double[][] predict(double[][] x) {
        int p = featureMean.length;
        int k = targetMean.length;
        double[][] out = new double[rows("x", x)][k];
        for (int r = 0; r < x.length; r++) {
            if (x[r].length != p) {
                throw new IllegalArgumentException("x[" + r + "]: expected " + p + " features, got " + x[r].length);
            }
            double[] row = out[r];
            System.arraycopy(targetMean, 0, row, 0, k);
            for (int i = 0; i < p; i++) {
                double v = (x[r][i] - featureMean[i]) / featureScale[i];
                double[] w = weights[i];
                for (int j = 0; j < k; j++) {
                    row[j] += v * w[j];
                }
            }
        }
        return out;
    }

    /** R² per target dimension of this probe on ({@code x}, {@code y}). */
    public double[] r2(double[][] x, double[][] y) {
        double[][] pred = predict(x);
        int k = targetMean.length;
        if (rows("y", y) != x.length || y[0].length != k) {
            throw new IllegalArgumentException("y: expected (" + x.length + ", " + k + "), got (" + y.length + ", " + y[0].length + ")");
        }
        return rSquared(pred, y);
    }

    /** R² per column of predictions {@code pred} against {@code y}, around y's own mean (NaN for a constant column). */
    static double[] rSquared(double[][] pred, double[][] y) {
        int k = y[0].length;
        double[] mean = columnMeans(y);
        double[] r2 = new double[k];
        for (int j = 0; j < k; j++) {
            double res = 0;
            double tot = 0;
            for (int r = 0; r < y.length; r++) {
                res += (y[r][j] - pred[r][j]) * (y[r][j] - pred[r][j]);
                tot += (y[r][j] - mean[j]) * (y[r][j] - mean[j]);
            }
            r2[j] = tot == 0 ? Double.NaN : 1 - res / tot;
        }
        return r2;
    }

    public double lambda() {
        return lambda;
    }

    /** Weights (p, k) on standardised features, a copy. */
    public double[][] weights() {
        double[][] copy = new double[weights.length][];
        for (int i = 0; i < weights.length; i++) {
            copy[i] = weights[i].clone();
        }
        return copy;
    }

    private static int rows(String field, double[][] a) {
        if (a == null || a.length == 0 || a[0].length == 0) {
            throw new IllegalArgumentException(field + ": expected at least one row and one column");
        }
        for (double[] row : a) {
            if (row.length != a[0].length) {
                throw new IllegalArgumentException(field + ": expected rows of equal length " + a[0].length + ", got " + row.length);
            }
        }
        return a.length;
    }

    static double[] columnMeans(double[][] a) {
        double[] mean = new double[a[0].length];
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                mean[j] += row[j] / a.length;
            }
        }
        return mean;
    }

    /** Standard deviations, with constant columns given scale 1 so they stay 0 after centring. */
    static double[] columnScales(double[][] a, double[] mean) {
        double[] var = new double[mean.length];
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                var[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / a.length;
            }
        }
        double[] scale = new double[mean.length];
        for (int j = 0; j < scale.length; j++) {
            scale[j] = var[j] > 1e-24 ? Math.sqrt(var[j]) : 1;
        }
        return scale;
    }

    static double[] standardise(double[][] a, double[] mean, double[] scale) {
        int p = mean.length;
        double[] out = new double[a.length * p];
        for (int r = 0; r < a.length; r++) {
            for (int j = 0; j < p; j++) {
                out[r * p + j] = (a[r][j] - mean[j]) / scale[j];
            }
        }
        return out;
    }

    private static double[] center(double[][] a, double[] mean) {
        int k = mean.length;
        double[] out = new double[a.length * k];
        for (int r = 0; r < a.length; r++) {
            for (int j = 0; j < k; j++) {
                out[r * k + j] = a[r][j] - mean[j];
            }
        }
        return out;
    }
}

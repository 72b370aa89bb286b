package ai.foresight.encoders.probe;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.PairList;
import ai.foresight.encoders.optim.AdamW;
import ai.foresight.encoders.optim.AdamWConfig;
import java.util.Arrays;
import java.util.Random;

/**
 * A nonlinear probe: one hidden ReLU layer from standardised features to standardised targets, trained
 * with AdamW on mean squared error, early-stopped per target on a validation split. A linear probe
 * ({@link RidgeProbe}) only shows what a representation holds linearly; the question "does this latent
 * still carry the distractor?" is about information, and a small MLP is the usual cheap proxy for it
 * (RePo and DINO-WM style analyses use both). Each target keeps the test predictions of the epoch with
 * its best validation error, so nothing about the test split steers the fit.
 */
public final class MlpProbe {

    /**
     * @param hidden hidden units
     * @param batchSize rows per update
     * @param epochs passes over the fitting rows
     * @param learningRate AdamW step
     * @param weightDecay AdamW decoupled decay on the two weight matrices
     * @param seed initialisation and shuffling
     */
    public record Config(int hidden, int batchSize, int epochs, double learningRate, double weightDecay, long seed) {
        public Config {
            if (hidden < 1 || batchSize < 1 || epochs < 1) {
                throw new IllegalArgumentException("hidden, batchSize, epochs: expected >= 1, got " + hidden + ", " + batchSize
                        + ", " + epochs);
            }
            if (!(learningRate > 0) || !(weightDecay >= 0)) {
                throw new IllegalArgumentException("learningRate > 0 and weightDecay >= 0 expected, got " + learningRate + ", "
                        + weightDecay);
            }
        }

        /** 256 hidden units, batch 256, 40 epochs, lr 1e-3, decay 1e-2. */
        public static Config defaults() {
            return new Config(256, 256, 40, 1e-3, 1e-2, 0);
        }
    }

    private MlpProbe() {}

    /**
     * Held-out R² per target.
     *
     * @param fitX (n, p) rows the probe trains on, with targets {@code fitY} (n, k)
     * @param valX rows that choose each target's epoch, with {@code valY}
     * @param testX rows scored, with {@code testY}
     */
    public static double[] heldOutR2(double[][] fitX, double[][] fitY, double[][] valX, double[][] valY, double[][] testX,
            double[][] testY, Config config) {
        int p = fitX[0].length;
        int k = fitY[0].length;
        double[] xMean = RidgeProbe.columnMeans(fitX);
        double[] xScale = RidgeProbe.columnScales(fitX, xMean);
        double[] yMean = RidgeProbe.columnMeans(fitY);
        double[] yScale = RidgeProbe.columnScales(fitY, yMean);
        Random random = new Random(config.seed());
        double[] bestVal = new double[k];
        Arrays.fill(bestVal, Double.POSITIVE_INFINITY);
        double[][] bestTest = new double[testX.length][k];
        try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
            NDArray x = m.create(floats(RidgeProbe.standardise(fitX, xMean, xScale))).reshape(fitX.length, p);
            NDArray y = m.create(floats(RidgeProbe.standardise(fitY, yMean, yScale))).reshape(fitY.length, k);
            NDArray xv = m.create(floats(RidgeProbe.standardise(valX, xMean, xScale))).reshape(valX.length, p);
            NDArray xt = m.create(floats(RidgeProbe.standardise(testX, xMean, xScale))).reshape(testX.length, p);
            double[][] valYs = rowsOf(RidgeProbe.standardise(valY, yMean, yScale), k);
            PairList<String, Parameter> params = new PairList<>();
            NDArray w1 = parameter(params, "w1", gaussian(m, random, p, config.hidden(), Math.sqrt(2.0 / p)));
            NDArray b1 = parameter(params, "b1", m.zeros(new Shape(config.hidden())));
            NDArray w2 = parameter(params, "w2", gaussian(m, random, config.hidden(), k, Math.sqrt(1.0 / config.hidden())));
            NDArray b2 = parameter(params, "b2", m.zeros(new Shape(k)));
            try (AdamW adam = new AdamW(new AdamWConfig(0.9, 0.999, 1e-8, config.weightDecay()), m)) {
                int[] order = new int[fitX.length];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                for (int epoch = 0; epoch < config.epochs(); epoch++) {
                    shuffle(order, random);
                    for (int start = 0; start < order.length; start += config.batchSize()) {
                        int[] rows = Arrays.copyOfRange(order, start, Math.min(order.length, start + config.batchSize()));
                        try (NDScope step = new NDScope()) { // ops land in their inputs' manager: the scope frees them
                            NDArray index = m.create(Arrays.stream(rows).asLongStream().toArray());
                            NDArray xb = x.get(index);
                            NDArray yb = y.get(index);
                            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                                NDArray out = forward(xb, w1, b1, w2, b2);
                                collector.backward(out.sub(yb).square().mean());
                            }
                        }
                        adam.step(params, config.learningRate());
                    }
                    try (NDScope eval = new NDScope()) {
                        double[][] valPred = rows(forward(xv, w1, b1, w2, b2).toType(DataType.FLOAT64, false), k);
                        double[][] testPred = null;
                        for (int j = 0; j < k; j++) {
                            double mse = 0;
                            for (int r = 0; r < valPred.length; r++) {
                                double d = valPred[r][j] - valYs[r][j];
                                mse += d * d;
                            }
                            if (mse < bestVal[j]) {
                                bestVal[j] = mse;
                                if (testPred == null) {
                                    testPred = rows(forward(xt, w1, b1, w2, b2).toType(DataType.FLOAT64, false), k);
                                }
                                for (int r = 0; r < testPred.length; r++) {
                                    bestTest[r][j] = testPred[r][j] * yScale[j] + yMean[j];
                                }
                            }
                        }
                    }
                }
            }
        }
        return RidgeProbe.rSquared(bestTest, testY);
    }

    private static NDArray forward(NDArray x, NDArray w1, NDArray b1, NDArray w2, NDArray b2) {
        return x.dot(w1).add(b1).maximum(0f).dot(w2).add(b2);
    }

    private static NDArray parameter(PairList<String, Parameter> params, String name, NDArray value) {
        Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).build();
        p.setArray(value);
        value.setRequiresGradient(true);
        params.add(name, p);
        return value;
    }

    private static NDArray gaussian(NDManager m, Random random, int rows, int cols, double std) {
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() * std);
        }
        return m.create(v, new Shape(rows, cols));
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static float[] floats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    private static double[][] rows(NDArray a, int k) {
        return rowsOf(a.toDoubleArray(), k);
    }

    private static double[][] rowsOf(double[] flat, int k) {
        double[][] out = new double[flat.length / k][k];
        for (int r = 0; r < out.length; r++) {
            System.arraycopy(flat, r * k, out[r], 0, k);
        }
        return out;
    }
}

package ai.foresight.worldmodel.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GaussianKlTest {

    @Test
    void identicalGaussiansHaveZeroDivergence() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray mean = m.randomNormal(new Shape(2, 3, 4, 5));
            NDArray std = m.randomUniform(0.1f, 2f, new Shape(2, 3, 4, 5));
            assertEquals(0.0, GaussianKl.perFrame(mean, std, mean, std, 2).getFloat(), 1e-6);
            assertEquals(0.0, GaussianKl.elementwise(mean, std, mean, std).abs().max().getFloat(), 1e-6);
        }
    }

    @Test
    void matchesTheClosedFormSummedOverTokensAndDimsAveragedOverBatchAndTime() {
        Random r = new Random(5);
        int b = 2;
        int t = 3;
        int inner = 4 * 5;
        int size = b * t * inner;
        double[] qm = new double[size];
        double[] qs = new double[size];
        double[] pm = new double[size];
        double[] ps = new double[size];
        for (int i = 0; i < size; i++) {
            qm[i] = r.nextGaussian();
            pm[i] = r.nextGaussian();
            qs[i] = 0.1 + 2 * r.nextDouble();
            ps[i] = 0.1 + 2 * r.nextDouble();
        }
        double expected = 0;
        for (int i = 0; i < size; i++) {
            // KL(N(a, s²) ‖ N(c, u²)) = ln(u/s) + (s² + (a − c)²)/(2u²) − ½, written out independently
            expected += Math.log(ps[i] / qs[i]) + (qs[i] * qs[i] + (qm[i] - pm[i]) * (qm[i] - pm[i])) / (2 * ps[i] * ps[i]) - 0.5;
        }
        expected /= b * t;
        try (NDManager m = NDManager.newBaseManager()) {
            Shape shape = new Shape(b, t, 4, 5);
            double got = GaussianKl.perFrame(m.create(qm, shape), m.create(qs, shape), m.create(pm, shape), m.create(ps, shape), 2)
                    .getDouble();
            assertEquals(expected, got, 1e-9 * Math.abs(expected));
            double balanced = GaussianKl.balanced(m.create(qm, shape), m.create(qs, shape), m.create(pm, shape),
                    m.create(ps, shape), 2, 0.8).getDouble();
            assertEquals(expected, balanced, 1e-7 * Math.abs(expected), "balancing changes gradients, not the value (weights are fp32)");
        }
    }

    @Test
    void balancingSplitsTheGradientEightyTwenty() {
        try (NDManager m = NDManager.newBaseManager()) {
            Shape shape = new Shape(2, 3);
            NDArray qm = m.randomNormal(shape).toType(DataType.FLOAT64, false);
            NDArray qs = m.randomUniform(0.5f, 1.5f, shape).toType(DataType.FLOAT64, false);
            NDArray pm = m.randomNormal(shape).toType(DataType.FLOAT64, false);
            NDArray ps = m.randomUniform(0.5f, 1.5f, shape).toType(DataType.FLOAT64, false);
            double[][] plain = gradients(qm, qs, pm, ps, false);
            double[][] balanced = gradients(qm, qs, pm, ps, true);
            assertArrayEquals(scale(plain[0], 0.2), balanced[0], 1e-6, "posterior mean gets 0.2 of the gradient (fp32 weight)");
            assertArrayEquals(scale(plain[1], 0.8), balanced[1], 1e-6, "prior mean gets 0.8 of the gradient (fp32 weight)");
        }
    }

    private static double[][] gradients(NDArray qm, NDArray qs, NDArray pm, NDArray ps, boolean balanced) {
        qm.setRequiresGradient(true);
        pm.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray kl = balanced ? GaussianKl.balanced(qm, qs, pm, ps, 1, 0.8) : GaussianKl.perFrame(qm, qs, pm, ps, 1);
            gc.backward(kl);
            double[][] out = {qm.getGradient().toDoubleArray(), pm.getGradient().toDoubleArray()};
            qm.getGradient().subi(qm.getGradient());
            pm.getGradient().subi(pm.getGradient());
            return out;
        }
    }

    private static double[] scale(double[] v, double s) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= s;
        }
        return out;
    }
}

package ai.foresight.adaptation.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class LeakyMlpTest {

    private static double score(LeakyMlp mlp, NDManager m, double[] x) {
        try (NDManager s = m.newSubManager()) {
            NDArray in = s.create(x, new Shape(1, x.length));
            return mlp.score(new ParameterStore(s, false), in, false).getDouble();
        }
    }

    @Test
    void inputGradientMatchesCentralDifferences() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            LeakyMlp mlp = new LeakyMlp(6, new int[] {16, 8}, 0.2);
            mlp.initialize(m, DataType.FLOAT64, new Shape(1, 6));
            double[] x = {0.3, -1.2, 0.7, 0.05, -0.4, 1.1};
            double[] analytic = mlp.inputGradient(new ParameterStore(m, false), m.create(x, new Shape(1, 6)), false).toDoubleArray();
            double h = 1e-6;
            for (int i = 0; i < x.length; i++) {
                double[] plus = x.clone();
                double[] minus = x.clone();
                plus[i] += h;
                minus[i] -= h;
                double numeric = (score(mlp, m, plus) - score(mlp, m, minus)) / (2 * h);
                assertEquals(numeric, analytic[i], 1e-6 * Math.max(1, Math.abs(numeric)), "d f / d x[" + i + "]");
            }
        }
    }

    @Test
    void gradientPenaltyTrainsTheWeights() {
        // backward through ‖∇ₓf‖² must give the derivative of the penalty with respect to a weight
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(9);
            LeakyMlp mlp = new LeakyMlp(4, new int[] {8, 8}, 0.2);
            mlp.initialize(m, DataType.FLOAT64, new Shape(1, 4));
            NDArray x = m.randomNormal(0, 1, new Shape(5, 4), DataType.FLOAT64);
            Parameter w = mlp.getParameters().get("weight1");
            double analytic;
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                NDArray penalty = mlp.inputGradient(new ParameterStore(m, false), x, true).square().sum();
                c.backward(penalty);
            }
            analytic = w.getArray().getGradient().getDouble(2, 3);
            NDArray weight = w.getArray();
            double original = weight.getDouble(2, 3);
            double h = 1e-6;
            weight.set(new ai.djl.ndarray.index.NDIndex(2, 3), original + h);
            double up = mlp.inputGradient(new ParameterStore(m, false), x, false).square().sum().getDouble();
            weight.set(new ai.djl.ndarray.index.NDIndex(2, 3), original - h);
            double down = mlp.inputGradient(new ParameterStore(m, false), x, false).square().sum().getDouble();
            double numeric = (up - down) / (2 * h);
            assertTrue(Math.abs(numeric) > 1e-6, "the chosen weight must matter for the test to mean something");
            assertEquals(numeric, analytic, 1e-5 * Math.max(1, Math.abs(numeric)));
        }
    }

    @Test
    void rejectsWrongInputWidth() {
        try (NDManager m = NDManager.newBaseManager()) {
            LeakyMlp mlp = new LeakyMlp(3, new int[] {4}, 0.2).create(m);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> mlp.score(new ParameterStore(m, false), m.zeros(new Shape(2, 5)), false));
            assertEquals("x: expected (B, 3), got (2, 5)", e.getMessage());
        }
    }
}

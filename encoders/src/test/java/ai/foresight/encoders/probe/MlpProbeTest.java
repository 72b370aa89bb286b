package ai.foresight.encoders.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The MLP probe reads what a linear one cannot, and invents nothing. */
class MlpProbeTest {

    /** Rows of 8 Gaussian features; targets: x0² (nonlinear, uncorrelated with x), x1 (linear), fresh noise. */
    private static double[][][] split(int n, SplittableRandom r) {
        double[][] x = new double[n][8];
        double[][] y = new double[n][3];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 8; j++) {
                x[i][j] = r.nextGaussian();
            }
            y[i][0] = x[i][0] * x[i][0];
            y[i][1] = 2 * x[i][1] - 1;
            y[i][2] = r.nextGaussian();
        }
        return new double[][][] {x, y};
    }

    @Test
    void findsASquareThatRidgeCannotAndNoSignalInNoise() {
        SplittableRandom r = new SplittableRandom(3);
        double[][][] fit = split(2000, r);
        double[][][] val = split(400, r);
        double[][][] test = split(400, r);
        MlpProbe.Config config = new MlpProbe.Config(64, 64, 30, 3e-3, 0, 1);
        double[] mlp = MlpProbe.heldOutR2(fit[0], fit[1], val[0], val[1], test[0], test[1], config);
        double[] ridge = RidgeProbe.evaluate(fit[0], fit[1], test[0], test[1], 1e-2).r2();
        assertTrue(mlp[0] > 0.9, "x0² through the MLP: R² " + mlp[0]);
        assertTrue(ridge[0] < 0.05, "x0² is invisible to a linear probe: R² " + ridge[0]);
        assertTrue(mlp[1] > 0.97 && ridge[1] > 0.99, "linear target: " + mlp[1] + ", " + ridge[1]);
        assertTrue(mlp[2] < 0.05, "noise stays unexplained: R² " + mlp[2]);
    }

    @Test
    void theSameSeedGivesTheSameScores() {
        SplittableRandom r = new SplittableRandom(5);
        double[][][] fit = split(300, r);
        double[][][] val = split(100, r);
        double[][][] test = split(100, r);
        MlpProbe.Config config = new MlpProbe.Config(16, 32, 3, 1e-3, 1e-2, 7);
        assertArrayEquals(MlpProbe.heldOutR2(fit[0], fit[1], val[0], val[1], test[0], test[1], config),
                MlpProbe.heldOutR2(fit[0], fit[1], val[0], val[1], test[0], test[1], config), 1e-12);
    }
}

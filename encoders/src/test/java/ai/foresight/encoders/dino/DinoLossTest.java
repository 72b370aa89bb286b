package ai.foresight.encoders.dino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class DinoLossTest {

    /** Independent scalar reference of DINO's loss with center c. */
    private static double reference(double[][] student, double[][] teacher, double[] c, int batch, int globals,
            double ts, double tt) {
        int views = student.length / batch;
        double total = 0;
        int pairs = 0;
        for (int i = 0; i < globals; i++) {
            for (int v = 0; v < views; v++) {
                if (v == i) {
                    continue;
                }
                double sum = 0;
                for (int b = 0; b < batch; b++) {
                    double[] t = teacher[i * batch + b];
                    double[] s = student[v * batch + b];
                    double[] p = softmax(t, c, tt);
                    double[] q = softmax(s, new double[c.length], ts);
                    for (int k = 0; k < c.length; k++) {
                        sum -= p[k] * Math.log(q[k]);
                    }
                }
                total += sum / batch;
                pairs++;
            }
        }
        return total / pairs;
    }

    private static double[] softmax(double[] x, double[] c, double temp) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < x.length; k++) {
            max = Math.max(max, (x[k] - c[k]) / temp);
        }
        double z = 0;
        double[] out = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            out[k] = Math.exp((x[k] - c[k]) / temp - max);
            z += out[k];
        }
        for (int k = 0; k < x.length; k++) {
            out[k] /= z;
        }
        return out;
    }

    private static float[] flat(double[][] a) {
        float[] out = new float[a.length * a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[i * a[0].length + j] = (float) a[i][j];
            }
        }
        return out;
    }

    @Test
    void matchesAScalarReferenceIncludingTheSeededCenter() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        int k = 5;
        int batch = 3;
        double[][] student = new double[4 * batch][k]; // 2 global + 2 local views
        double[][] teacher = new double[2 * batch][k];
        for (double[] row : student) {
            for (int j = 0; j < k; j++) {
                row[j] = r.nextDouble(-1, 1);
            }
        }
        for (double[] row : teacher) {
            for (int j = 0; j < k; j++) {
                row[j] = r.nextDouble(-1, 1);
            }
        }
        double[] center = new double[k];
        for (double[] row : teacher) {
            for (int j = 0; j < k; j++) {
                center[j] += row[j] / teacher.length;
            }
        }
        try (NDManager m = NDManager.newBaseManager(); DinoLoss loss = new DinoLoss(k, 0.1, 0.9, m)) {
            NDArray s = m.create(flat(student), new Shape(4 * batch, k));
            NDArray t = m.create(flat(teacher), new Shape(2 * batch, k));
            DinoLossTerms terms = loss.compute(s, t, batch, 2, 0.04);
            assertEquals(reference(student, teacher, center, batch, 2, 0.1, 0.04), terms.crossEntropy(), 1e-4);
            assertEquals(terms.crossEntropy(), terms.teacherEntropy() + terms.kl(), 1e-9);
            // after an update the center is 0.9·c + 0.1·c = c: same loss again
            loss.updateCenter(t);
            assertEquals(terms.crossEntropy(), loss.compute(s, t, batch, 2, 0.04).crossEntropy(), 1e-5);
        }
    }

    @Test
    void gradientReachesTheStudentOnly() {
        try (NDManager m = NDManager.newBaseManager(); DinoLoss loss = new DinoLoss(4, 0.1, 0.9, m)) {
            Engine.getInstance().setRandomSeed(2);
            NDArray s = m.randomNormal(new Shape(6, 4));
            NDArray t = m.randomNormal(new Shape(4, 4));
            s.setRequiresGradient(true);
            t.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(loss.compute(s, t, 2, 2, 0.04).total());
            }
            assertTrue(s.getGradient().abs().sum().getFloat() > 0);
            assertEquals(0f, t.getGradient().abs().sum().getFloat(), 0f, "the teacher is a target, not trained");
        }
    }

    @Test
    void theStudentGradientSurvivesAGarbageCollectionBeforeBackward() {
        // constants on the gradient path must stay alive until backward (DJL's div(Number) frees its scalar)
        try (NDManager m = NDManager.newBaseManager(); DinoLoss loss = new DinoLoss(6, 0.1, 0.9, m)) {
            Engine.getInstance().setRandomSeed(5);
            NDArray s0 = m.randomNormal(new Shape(6, 6));
            NDArray t = m.randomNormal(new Shape(4, 6));
            float[] reference = null;
            for (int trial = 0; trial < 30; trial++) {
                try (NDManager step = m.newSubManager()) {
                    NDArray s = s0.duplicate();
                    s.attach(step);
                    s.setRequiresGradient(true);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray total = loss.compute(s, t, 2, 2, 0.04).total();
                        for (int k = 0; k < 20; k++) {
                            step.create((float) k).close();
                        }
                        if (trial % 3 == 0) {
                            System.gc();
                        }
                        gc.backward(total);
                    }
                    float[] g = s.getGradient().toFloatArray();
                    if (reference == null) {
                        reference = g;
                    }
                    org.junit.jupiter.api.Assertions.assertArrayEquals(reference, g, 0f, "trial " + trial);
                }
            }
        }
    }

    @Test
    void centeringStopsOneDimensionFromDominating() {
        // every teacher row favours dimension 0 by a wide margin; rows differ only slightly elsewhere
        int k = 16;
        int rows = 32;
        java.util.SplittableRandom r = new java.util.SplittableRandom(4);
        float[] t = new float[rows * k];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < k; j++) {
                t[i * k + j] = (float) ((j == 0 ? 0.8 : 0) + 0.1 * r.nextGaussian());
            }
        }
        try (NDManager m = NDManager.newBaseManager();
                DinoLoss centred = new DinoLoss(k, 0.1, 0.9, m);
                DinoLoss uncentred = new DinoLoss(k, 0.1, 1.0, m)) {
            NDArray teacher = m.create(t, new Shape(rows, k));
            NDArray student = m.zeros(new Shape(rows * 2, k));
            double low = uncentred.compute(student, teacher, 16, 2, 0.04).teacherEntropy();
            double high = centred.compute(student, teacher, 16, 2, 0.04).teacherEntropy();
            assertTrue(low < 0.1, "uncentred, the teacher collapses onto dimension 0: entropy " + low);
            assertTrue(high > 1.0, "centred, the teacher spreads over dimensions: entropy " + high);
            DinoLossTerms terms = centred.compute(student, teacher, 16, 2, 0.04);
            assertTrue(terms.teacherBatchEntropy() > terms.teacherEntropy(), "different rows pick different dimensions");
        }
    }

    @Test
    void rejectsMismatchedShapes() {
        try (NDManager m = NDManager.newBaseManager(); DinoLoss loss = new DinoLoss(4, 0.1, 0.9, m)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> loss.compute(m.zeros(new Shape(6, 4)), m.zeros(new Shape(4, 5)), 2, 2, 0.04));
            assertEquals("teacher: expected (4, 4), got (4, 5)", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> loss.compute(m.zeros(new Shape(5, 4)), m.zeros(new Shape(4, 4)), 2, 2, 0.04));
            assertThrows(IllegalArgumentException.class, () -> new DinoLoss(4, 0, 0.9, m));
        }
    }
}

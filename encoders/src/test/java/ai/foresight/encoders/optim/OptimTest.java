package ai.foresight.encoders.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.PairList;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;

class OptimTest {

    private static Parameter param(NDManager m, String name, double[] values, Shape shape) {
        Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).build();
        p.setArray(m.create(values, shape));
        p.getArray().setRequiresGradient(true);
        return p;
    }

    /** loss = sum(c * w^2) so the gradient is 2 c w. */
    private static void backward(PairList<String, Parameter> params, double c) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray loss = null;
            for (var e : params) {
                NDArray term = e.getValue().getArray().square().mul(c).sum();
                loss = loss == null ? term : loss.add(term);
            }
            gc.backward(loss);
        }
    }

    @Test
    void adamWMatchesScalarReference() {
        try (NDManager m = NDManager.newBaseManager()) {
            double[] w0 = {1.0, -2.0, 0.5, 3.0};
            double[] b0 = {0.7, -0.3};
            PairList<String, Parameter> params = new PairList<>();
            params.add("w", param(m, "w", w0, new Shape(2, 2)));
            params.add("b", param(m, "b", b0, new Shape(2)));
            AdamWConfig cfg = new AdamWConfig(0.9, 0.999, 1e-8, 0.1);
            double lr = 0.05;
            try (AdamW opt = new AdamW(cfg, m)) {
                for (int s = 0; s < 3; s++) {
                    backward(params, 1.5);
                    opt.step(params, lr);
                }
            }
            assertArrayEquals(reference(w0, true, cfg, lr), params.get("w").getArray().toDoubleArray(), 1e-10);
            assertArrayEquals(reference(b0, false, cfg, lr), params.get("b").getArray().toDoubleArray(), 1e-10,
                    "biases (rank 1) are not decayed");
        }
    }

    @Test
    void stepsOnAThreadOtherThanTheEnginesFirst() throws Exception {
        Engine.getInstance(); // the engine starts here; libtorch records autograd on every other thread
        double[] w0 = {1.0, -2.0, 0.5, 3.0};
        AdamWConfig cfg = new AdamWConfig(0.9, 0.999, 1e-8, 0.1);
        java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            double[] got = worker.submit(() -> {
                try (NDManager m = NDManager.newBaseManager()) {
                    PairList<String, Parameter> params = new PairList<>();
                    params.add("w", param(m, "w", w0, new Shape(2, 2)));
                    try (AdamW opt = new AdamW(cfg, m)) {
                        for (int s = 0; s < 3; s++) {
                            backward(params, 1.5);
                            opt.step(params, 0.05);
                        }
                    }
                    return params.get("w").getArray().toDoubleArray();
                }
            }).get();
            assertArrayEquals(reference(w0, true, cfg, 0.05), got, 1e-10);
        } finally {
            worker.shutdownNow();
        }
    }

    private static double[] reference(double[] start, boolean decay, AdamWConfig cfg, double lr) {
        double[] w = start.clone();
        double[] mm = new double[w.length];
        double[] vv = new double[w.length];
        for (int t = 1; t <= 3; t++) {
            for (int i = 0; i < w.length; i++) {
                double g = 2 * 1.5 * w[i];
                mm[i] = cfg.beta1() * mm[i] + (1 - cfg.beta1()) * g;
                vv[i] = cfg.beta2() * vv[i] + (1 - cfg.beta2()) * g * g;
                double mh = mm[i] / (1 - Math.pow(cfg.beta1(), t));
                double vh = vv[i] / (1 - Math.pow(cfg.beta2(), t));
                if (decay) {
                    w[i] *= 1 - lr * cfg.weightDecay();
                }
                w[i] -= lr * mh / (Math.sqrt(vh) + cfg.epsilon());
            }
        }
        return w;
    }

    @Test
    void savedStateResumesExactly() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            PairList<String, Parameter> a = new PairList<>();
            a.add("w", param(m, "w", new double[] {1, 2, 3, 4}, new Shape(2, 2)));
            PairList<String, Parameter> b = new PairList<>();
            b.add("w", param(m, "w", new double[] {1, 2, 3, 4}, new Shape(2, 2)));
            AdamWConfig cfg = AdamWConfig.defaults();
            try (AdamW first = new AdamW(cfg, m); AdamW resumed = new AdamW(cfg, m)) {
                backward(a, 1);
                first.step(a, 0.1);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                first.save(new DataOutputStream(bytes));
                backward(a, 1);
                first.step(a, 0.1);

                backward(b, 1);
                try (AdamW scratch = new AdamW(cfg, m)) {
                    scratch.step(b, 0.1);
                }
                resumed.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
                backward(b, 1);
                resumed.step(b, 0.1);
                assertEquals(2, resumed.steps());
                assertArrayEquals(a.get("w").getArray().toDoubleArray(), b.get("w").getArray().toDoubleArray(), 0.0);
            }
        }
    }

    @Test
    void clipsGlobalNormKeepingDirection() {
        try (NDManager m = NDManager.newBaseManager()) {
            PairList<String, Parameter> params = new PairList<>();
            params.add("w", param(m, "w", new double[] {3, 0, 0, 0}, new Shape(2, 2)));
            params.add("b", param(m, "b", new double[] {0, 4}, new Shape(2)));
            backward(params, 0.5); // gradients = w: (3,0,0,0) and (0,4): global norm 5
            double norm = GradientClipping.clipGlobalNorm(params, 1.0);
            assertEquals(5.0, norm, 1e-9);
            assertArrayEquals(new double[] {0.6, 0, 0, 0}, params.get("w").getArray().getGradient().toDoubleArray(), 1e-9);
            assertArrayEquals(new double[] {0, 0.8}, params.get("b").getArray().getGradient().toDoubleArray(), 1e-9);
            assertEquals(1.0, GradientClipping.clipGlobalNorm(params, 10.0), 1e-9, "under the limit: unchanged");
        }
    }

    @Test
    void scheduleWarmsUpThenFollowsCosine() {
        WarmupCosineSchedule s = new WarmupCosineSchedule(10, 110, 1.0, 0.1);
        assertEquals(0.1, s.at(0), 1e-12);
        assertEquals(1.0, s.at(9), 1e-12);
        assertEquals(1.0, s.at(10), 1e-12);
        assertEquals(0.55, s.at(60), 1e-12);
        assertEquals(0.1, s.at(110), 1e-12);
        assertEquals(0.1, s.at(1000), 1e-12);
        WarmupCosineSchedule momentum = new WarmupCosineSchedule(0, 100, 0.996, 1.0);
        assertEquals(0.996, momentum.at(0), 1e-12);
        assertEquals(1.0, momentum.at(100), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new WarmupCosineSchedule(10, 5, 1, 0));
    }

    @Test
    void rejectsBadSettings() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AdamWConfig(1.0, 0.9, 1e-8, 0));
        assertEquals("beta1: expected [0, 1), got 1.0", e.getMessage());
    }

    static {
        assert DataType.FLOAT64 != null;
    }
}

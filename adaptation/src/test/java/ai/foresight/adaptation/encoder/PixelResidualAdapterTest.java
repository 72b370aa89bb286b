package ai.foresight.adaptation.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;

class PixelResidualAdapterTest {

    private static NDArray forward(PixelResidualAdapter adapter, NDArray x) {
        return adapter.forward(new ParameterStore(x.getManager(), false), new NDList(x), false).singletonOrThrow();
    }

    private static PixelResidualAdapter adapter(NDManager m, int channels, long seed, DataType type) {
        Engine.getInstance().setRandomSeed((int) seed);
        PixelResidualAdapter adapter = new PixelResidualAdapter(channels);
        adapter.initialize(m, type, new Shape(1, 3, 8, 8));
        return adapter;
    }

    @Test
    void startsAsTheIdentityAndRefusesOtherShapes() {
        try (NDManager m = NDManager.newBaseManager()) {
            PixelResidualAdapter adapter = adapter(m, 6, 1, DataType.FLOAT32);
            NDArray x = m.randomUniform(0, 1, new Shape(2, 3, 8, 8));
            assertArrayEquals(x.toFloatArray(), forward(adapter, x).toFloatArray(), 0f);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> forward(adapter, m.zeros(new Shape(2, 4, 8, 8))));
            assertTrue(e.getMessage().startsWith("pixels: expected (B, 3, H, W)"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> new PixelResidualAdapter(0));
        }
    }

    /** Σ forward(x) ⊙ probe, its intermediates in a scope that closes. */
    private static double probed(PixelResidualAdapter adapter, NDArray x, NDArray probe) {
        try (NDManager step = x.getManager().newSubManager()) {
            x.tempAttach(step);
            probe.tempAttach(step);
            return forward(adapter, x).mul(probe).sum().getDouble();
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        try (NDManager m = NDManager.newBaseManager()) {
            // in double precision, so a small step keeps clear of the ReLU kinks and of rounding
            PixelResidualAdapter adapter = adapter(m, 4, 2, DataType.FLOAT64);
            Parameter out = adapter.getParameters().get("out_weight");
            out.getArray().set(m.randomNormal(0, 0.5f, new Shape(3, 4, 1, 1), DataType.FLOAT64).toByteBuffer());
            NDArray x = m.randomUniform(0, 1, new Shape(2, 3, 6, 6)).toType(DataType.FLOAT64, false);
            NDArray probe = m.randomNormal(new Shape(2, 3, 6, 6)).toType(DataType.FLOAT64, false);
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                c.backward(forward(adapter, x).mul(probe).sum());
            }
            for (Pair<String, Parameter> p : adapter.getParameters()) {
                NDArray value = p.getValue().getArray();
                double[] analytic = value.getGradient().toDoubleArray();
                for (int i : new int[] {0, (int) value.size() / 2, (int) value.size() - 1}) {
                    double[] flat = value.toDoubleArray();
                    double h = 1e-6;
                    flat[i] += h;
                    value.set(flat);
                    double up = probed(adapter, x, probe);
                    flat[i] -= 2 * h;
                    value.set(flat);
                    double down = probed(adapter, x, probe);
                    flat[i] += h;
                    value.set(flat);
                    double numeric = (up - down) / (2 * h);
                    assertEquals(numeric, analytic[i], 1e-5 * Math.abs(numeric) + 1e-6, p.getKey() + "[" + i + "]");
                }
            }
        }
    }

    @Test
    void learnsToRemoveAFinePatternThatNoColourMixCan() {
        // flat-coloured frames with a checkerboard added: undoing it needs to see the neighbours
        try (NDManager m = NDManager.newBaseManager()) {
            PixelResidualAdapter adapter = adapter(m, 8, 3, DataType.FLOAT32);
            NDArray clean = m.randomUniform(0.2f, 0.8f, new Shape(16, 3, 1, 1)).broadcast(16, 3, 12, 12).duplicate();
            clean.set(new NDIndex(":, :, 4:8, 4:8"), 0.5f);
            float[] board = new float[12 * 12];
            for (int i = 0; i < 12; i++) {
                for (int j = 0; j < 12; j++) {
                    board[12 * i + j] = (i + j) % 2 == 0 ? 0.15f : -0.15f;
                }
            }
            NDArray shifted = clean.add(m.create(board, new Shape(1, 1, 12, 12)));
            double before = shifted.sub(clean).square().mean().getFloat();
            ai.djl.training.optimizer.Optimizer adam = ai.djl.training.optimizer.Optimizer.adam()
                    .optLearningRateTracker(ai.djl.training.tracker.Tracker.fixed(1e-2f)).build();
            double after = before;
            for (int step = 0; step < 300; step++) {
                try (NDManager s = m.newSubManager(); GradientCollector c = Engine.getInstance().newGradientCollector()) {
                    shifted.tempAttach(s); // this step's intermediates live in s and go with it
                    clean.tempAttach(s);
                    NDArray loss = forward(adapter, shifted).sub(clean).square().mean();
                    c.backward(loss);
                    after = loss.getFloat();
                    for (Pair<String, Parameter> p : adapter.getParameters()) {
                        adam.update(p.getValue().getId(), p.getValue().getArray(), p.getValue().getArray().getGradient());
                    }
                }
            }
            assertTrue(after < 0.1 * before, "mean square error to the clean frames: " + before + " -> " + after);
        }
    }
}

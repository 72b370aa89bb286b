package ai.foresight.encoders.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class PreNormTransformerBlockTest {

    private static PreNormTransformerBlock block(NDManager m, DataType type, Shape x) {
        Engine.getInstance().setRandomSeed(7);
        PreNormTransformerBlock b = new PreNormTransformerBlock(8, 2, 16, 0f);
        b.initialize(m, type, x, new Shape(x.get(1), x.get(1)));
        return b;
    }

    @Test
    void keepsShape() {
        try (NDManager m = NDManager.newBaseManager()) {
            Shape x = new Shape(3, 5, 8);
            PreNormTransformerBlock b = block(m, DataType.FLOAT32, x);
            NDArray out = b.forward(new ParameterStore(m, false), new NDList(m.randomNormal(x)), false).singletonOrThrow();
            assertEquals(x, out.getShape());
            assertEquals(x, b.getOutputShapes(new Shape[] {x})[0]);
        }
    }

    @Test
    void frameCausalMaskHidesLaterFrames() {
        try (NDManager m = NDManager.newBaseManager()) {
            int frames = 3;
            int tokens = 2;
            Shape x = new Shape(1, frames * tokens, 8);
            PreNormTransformerBlock b = block(m, DataType.FLOAT32, x);
            NDArray mask = AttentionMasks.frameCausal(m, frames, tokens);
            NDArray input = m.randomNormal(x);
            NDArray changed = input.duplicate();
            changed.set(new ai.djl.ndarray.index.NDIndex("0, 4:6, :"), m.randomNormal(new Shape(1, 2, 8)).muli(10));
            ParameterStore ps = new ParameterStore(m, false);
            float[] before = b.forward(ps, new NDList(input, mask), false).singletonOrThrow().get("0, 0:4, :").toFloatArray();
            NDArray afterAll = b.forward(ps, new NDList(changed, mask), false).singletonOrThrow();
            float[] after = afterAll.get("0, 0:4, :").toFloatArray();
            assertArrayEquals(before, after, 1e-6f, "earlier frames must not see a later frame");
            float[] lastBefore = b.forward(ps, new NDList(input, mask), false).singletonOrThrow().get("0, 4:6, :").toFloatArray();
            float[] lastAfter = afterAll.get("0, 4:6, :").toFloatArray();
            double diff = 0;
            for (int i = 0; i < lastBefore.length; i++) {
                diff += Math.abs(lastBefore[i] - lastAfter[i]);
            }
            assertTrue(diff > 1e-2, "the changed frame itself must change");
        }
    }

    @Test
    void maskBlocksExactlyFutureFrames() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] mask = AttentionMasks.frameCausal(m, 2, 2).toFloatArray();
            float blocked = AttentionMasks.BLOCKED;
            assertArrayEquals(new float[] {0, 0, blocked, blocked, 0, 0, blocked, blocked, 0, 0, 0, 0, 0, 0, 0, 0}, mask);
        }
    }

    @Test
    void inputGradientMatchesFiniteDifferences() {
        try (NDManager m = NDManager.newBaseManager()) {
            Shape x = new Shape(2, 4, 8);
            PreNormTransformerBlock b = block(m, DataType.FLOAT64, x);
            NDArray mask = AttentionMasks.frameCausal(m, 2, 2).toType(DataType.FLOAT64, false);
            NDArray weights = m.randomNormal(x).toType(DataType.FLOAT64, false);
            NDArray input = m.randomNormal(x).toType(DataType.FLOAT64, false);
            ParameterStore ps = new ParameterStore(m, false);
            input.setRequiresGradient(true);
            double[] analytic;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = b.forward(ps, new NDList(input, mask), true).singletonOrThrow().mul(weights).sum();
                gc.backward(loss);
                analytic = input.getGradient().toDoubleArray();
            }
            double[] base = input.toDoubleArray();
            double eps = 1e-6;
            for (int i = 0; i < base.length; i += 7) {
                double[] plus = base.clone();
                double[] minus = base.clone();
                plus[i] += eps;
                minus[i] -= eps;
                double lp = b.forward(ps, new NDList(m.create(plus, x), mask), false).singletonOrThrow().mul(weights).sum().getDouble();
                double lm = b.forward(ps, new NDList(m.create(minus, x), mask), false).singletonOrThrow().mul(weights).sum().getDouble();
                double numeric = (lp - lm) / (2 * eps);
                assertEquals(numeric, analytic[i], 1e-5 * Math.max(1, Math.abs(numeric)), "d loss / d x[" + i + "]");
            }
        }
    }

    @Test
    void inferenceAttentionMatchesTheBatchedTrainingForm() {
        try (NDManager m = NDManager.newBaseManager()) {
            int frames = 3;
            int tokens = 3;
            Shape x = new Shape(4, frames * tokens, 8);
            PreNormTransformerBlock b = block(m, DataType.FLOAT32, x); // 2 heads, dropout 0
            NDArray mask = AttentionMasks.frameCausal(m, frames, tokens);
            NDArray input = m.randomNormal(x);
            ParameterStore ps = new ParameterStore(m, false);
            assertFalse(GradModeOff.recording(), "the test thread must not record autograd graphs");
            float[] inference = b.forward(ps, new NDList(input, mask), false).singletonOrThrow().toFloatArray(); // per head
            float[] training = b.forward(ps, new NDList(input, mask), true).singletonOrThrow().toFloatArray(); // batched
            assertArrayEquals(training, inference, 1e-5f);
            float[] unmaskedInference = b.forward(ps, new NDList(input), false).singletonOrThrow().toFloatArray();
            float[] unmaskedTraining = b.forward(ps, new NDList(input), true).singletonOrThrow().toFloatArray();
            assertArrayEquals(unmaskedTraining, unmaskedInference, 1e-5f);
            double diff = 0;
            for (int i = 0; i < inference.length; i++) {
                diff += Math.abs(inference[i] - unmaskedInference[i]);
            }
            assertTrue(diff > 1e-2, "the mask must change the output");
        }
    }

    @Test
    void rejectsWrongWidth() {
        try (NDManager m = NDManager.newBaseManager()) {
            Shape x = new Shape(1, 3, 8);
            PreNormTransformerBlock b = block(m, DataType.FLOAT32, x);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> b.forward(new ParameterStore(m, false), new NDList(m.ones(new Shape(1, 3, 6))), false));
            assertTrue(e.getMessage().contains("x: expected (B, L, 8)"), e.getMessage());
        }
    }
}

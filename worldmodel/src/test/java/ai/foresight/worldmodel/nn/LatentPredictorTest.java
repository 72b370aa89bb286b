package ai.foresight.worldmodel.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.foresight.worldmodel.PredictorConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LatentPredictorTest {
    private static final int C = 5;

    /** A tiny predictor with 3 frames of history and a non-zero head, so every input matters. */
    private static LatentPredictor predictor(NDManager m, boolean actionTokens, double stdFloor) {
        return predictor(m, actionTokens, stdFloor, false);
    }

    private static LatentPredictor predictor(NDManager m, boolean actionTokens, double stdFloor, boolean proprioResidual) {
        PredictorConfig c = new PredictorConfig("t", 8, 4, 2, 3, 2, 2, 2, 4, 4, actionTokens, 16, 2, 2, 32, 0f, proprioResidual);
        Engine.getInstance().setRandomSeed(3);
        LatentPredictor p = new LatentPredictor(c, C, stdFloor);
        p.setInitializer(new NormalInitializer(0.3f), Parameter.Type.WEIGHT);
        p.initialize(m, DataType.FLOAT32, new Shape(2, 3, 4, C), new Shape(2, 3, 4), new Shape(2, 3, 2));
        return p;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void laterFramesNeverChangeEarlierPredictions(boolean actionTokens) {
        try (NDManager m = NDManager.newBaseManager()) {
            LatentPredictor p = predictor(m, actionTokens, 0);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray z = m.randomNormal(new Shape(2, 3, 4, C));
            NDArray a = m.randomNormal(new Shape(2, 3, 4));
            NDArray q = m.randomNormal(new Shape(2, 3, 2));
            LatentPredictor.Prediction before = p.predict(ps, z, a, q, false);

            NDArray z2 = z.duplicate();
            NDArray a2 = a.duplicate();
            NDArray q2 = q.duplicate();
            z2.set(new NDIndex(":, 2"), m.randomNormal(new Shape(2, 4, C)).mul(5));
            a2.set(new NDIndex(":, 2"), m.randomNormal(new Shape(2, 4)).mul(5));
            q2.set(new NDIndex(":, 2"), m.randomNormal(new Shape(2, 2)).mul(5));
            LatentPredictor.Prediction after = p.predict(ps, z2, a2, q2, false);

            assertArrayEquals(before.mean().get(":, 0:2").toFloatArray(), after.mean().get(":, 0:2").toFloatArray(), 1e-6f,
                    "frames 0 and 1 must not see frame 2");
            assertArrayEquals(before.proprio().get(":, 0:2").toFloatArray(), after.proprio().get(":, 0:2").toFloatArray(), 1e-6f);
            float change = after.mean().get(":, 2").sub(before.mean().get(":, 2")).abs().max().getFloat();
            assertTrue(change > 1e-2, "frame 2's own prediction must change, changed by " + change);

            // and frame 0's action alone changes frame 0's prediction (actions condition the prediction)
            NDArray a3 = a.duplicate();
            a3.set(new NDIndex(":, 0"), a.get(":, 0").add(3));
            float actionEffect = p.predict(ps, z, a3, q, false).mean().get(":, 0").sub(before.mean().get(":, 0")).abs().max().getFloat();
            assertTrue(actionEffect > 1e-3, "the action must change the prediction, changed by " + actionEffect);
        }
    }

    @Test
    void aResidualProprioHeadAddsTheCurrentProprioToWhatTheHeadReads() {
        try (NDManager m = NDManager.newBaseManager()) {
            LatentPredictor absolute = predictor(m, false, 0, false);
            LatentPredictor residual = predictor(m, false, 0, true); // same seed and initialiser: the same weights
            ParameterStore ps = new ParameterStore(m, false);
            NDArray z = m.randomNormal(new Shape(2, 3, 4, C));
            NDArray a = m.randomNormal(new Shape(2, 3, 4));
            NDArray q = m.randomNormal(new Shape(2, 3, 2));
            NDArray all = residual.predict(ps, z, a, q, false).proprio().sub(absolute.predict(ps, z, a, q, false).proprio());
            assertArrayEquals(q.toFloatArray(), all.toFloatArray(), 1e-5f);
            NDArray last = residual.predict(ps, z, a, q, false, true).proprio().sub(absolute.predict(ps, z, a, q, false, true).proprio());
            assertArrayEquals(q.get(":, 2:3").toFloatArray(), last.toFloatArray(), 1e-5f, "a rollout step adds the last frame's proprio");
            assertTrue(absolute.predict(ps, z, a, q, false).proprio().sub(q).abs().max().getFloat() > 1e-2,
                    "the head's own output is not zero here, so the difference tests the residual");

            PredictorConfig c = PredictorConfig.tiny().withProprioResidual(true);
            LatentPredictor fresh = new LatentPredictor(c, 8, 0.1);
            fresh.initialize(m, DataType.FLOAT32, new Shape(1, 2, 4, 8), new Shape(1, 2, 4), new Shape(1, 2, 2));
            NDArray p = m.randomNormal(new Shape(3, 2, 2));
            NDArray copied = fresh.predict(ps, m.randomNormal(new Shape(3, 2, 4, 8)), m.randomNormal(new Shape(3, 2, 4)), p, false).proprio();
            assertArrayEquals(p.toFloatArray(), copied.toFloatArray(), 1e-6f, "untrained, the residual head copies the last proprio");
        }
    }

    @Test
    void untrainedPredictorCopiesTheLastFrameAndShapesHold() {
        try (NDManager m = NDManager.newBaseManager()) {
            PredictorConfig c = PredictorConfig.tiny();
            Engine.getInstance().setRandomSeed(1);
            LatentPredictor p = new LatentPredictor(c, 8, 0.1);
            p.initialize(m, DataType.FLOAT32, new Shape(1, 2, 4, 8), new Shape(1, 2, 4), new Shape(1, 2, 2));
            NDArray z = m.randomNormal(new Shape(3, 2, 4, 8));
            LatentPredictor.Prediction out = p.predict(new ParameterStore(m, false), z,
                    m.randomNormal(new Shape(3, 2, 4)), m.randomNormal(new Shape(3, 2, 2)), false);
            assertEquals(new Shape(3, 2, 4, 8), out.mean().getShape());
            assertEquals(new Shape(3, 2, 4, 8), out.std().getShape());
            assertEquals(new Shape(3, 2, 2), out.proprio().getShape());
            assertArrayEquals(z.toFloatArray(), out.mean().toFloatArray(), 0f, "zero-initialised head: prediction = current frame");
            float minStd = out.std().min().getFloat();
            assertTrue(minStd > 0.1f, "std = softplus + 0.1 must exceed 0.1, got " + minStd);
            assertTrue(p.getParameters().keys().stream().anyMatch(k -> k.contains("latent_head")), "the head is a named parameter: " + p.getParameters().keys());
        }
    }

    @Test
    void shorterHistoryIsAcceptedButLongerAndWrongShapesAreRefused() {
        try (NDManager m = NDManager.newBaseManager()) {
            LatentPredictor p = predictor(m, false, 0);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray one = p.predict(ps, m.randomNormal(new Shape(2, 1, 4, C)), m.zeros(new Shape(2, 1, 4)), m.zeros(new Shape(2, 1, 2)), false).mean();
            assertEquals(new Shape(2, 1, 4, C), one.getShape());
            IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class, () -> p.predict(ps,
                    m.zeros(new Shape(2, 4, 4, C)), m.zeros(new Shape(2, 4, 4)), m.zeros(new Shape(2, 4, 2)), false));
            assertEquals("latents: expected 1 to 3 frames (history), got 4", tooLong.getMessage());
            IllegalArgumentException badAction = assertThrows(IllegalArgumentException.class, () -> p.predict(ps,
                    m.zeros(new Shape(2, 3, 4, C)), m.zeros(new Shape(2, 3, 3)), m.zeros(new Shape(2, 3, 2)), false));
            assertEquals("actions: expected (2, 3, 4), got (2, 3, 3)", badAction.getMessage());
        }
    }
}

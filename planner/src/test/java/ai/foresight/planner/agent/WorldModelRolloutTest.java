package ai.foresight.planner.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.initializer.NormalInitializer;
import ai.foresight.planner.objective.Goal;
import ai.foresight.planner.objective.Imagination;
import ai.foresight.worldmodel.LatentContext;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.WorldModel;
import ai.foresight.worldmodel.WorldModelConfig;
import ai.foresight.worldmodel.data.DataNormalization;
import org.junit.jupiter.api.Test;

class WorldModelRolloutTest {
    /** A freshly made predictor's latent head is zero (predictions start constant); give it weights. */
    static void randomiseLatentHead(WorldModel model, NDManager m) {
        for (var p : model.parameters()) {
            if (p.getKey().contains("latent_head_weight")) {
                NDArray w = p.getValue().getArray();
                w.set(new NormalInitializer(0.3f).initialize(m, w.getShape(), w.getDataType()).toFloatArray());
            }
        }
    }

    /** Non-trivial statistics, so a missed standardisation changes the numbers. */
    static final DataNormalization NORM = new DataNormalization(
            new double[] {0.3, -0.2}, new double[] {1.5, 0.7}, new double[] {10, 20}, new double[] {4, 2});

    @Test
    void imaginationEqualsTheModelsRolloutOnStandardisedInputs() {
        PredictorConfig p = PredictorConfig.tiny(); // D 8, 4x4 patches -> 2x2 tokens, H 2, A 2, k 2, P 2
        try (NDManager m = NDManager.newBaseManager(); WorldModel model = WorldModel.create(WorldModelConfig.features(p), 5, m)) {
            randomiseLatentHead(model, m);
            WorldModelRollout rollout = new WorldModelRollout(model, NORM);
            NDArray features = m.randomNormal(new Shape(2, 16, 8));
            float[][] proprio = {{12f, 19f}, {9f, 23f}};
            float[][] past = {{1f, -1f, 0.5f, 0.2f}};
            NDArray context = rollout.context(features, proprio, past);
            assertEquals(new Shape(2, 4 * 8 + 2 + 4), context.getShape());
            NDArray actions = m.randomUniform(-2, 2, new Shape(3, 2, 4));
            Imagination imagined = rollout.imagine(context, actions);
            assertNull(imagined.z());
            assertNull(imagined.reward());
            assertEquals(new Shape(3, 2, 4 * 8), imagined.features().getShape());
            assertEquals(new Shape(3, 2, 2), imagined.proprio().getShape());

            NDArray latents = model.encode(features.expandDims(0));
            NDArray props = m.create(new float[][] {NORM.normalizeProprio(proprio[0]), NORM.normalizeProprio(proprio[1])}).expandDims(0);
            NDArray pastActions = m.create(NORM.normalizeActions(past[0]), new Shape(1, 1, 4));
            float[] a = actions.toFloatArray();
            NDArray standardised = m.create(NORM.normalizeActions(a), actions.getShape());
            var reference = model.rollout(new LatentContext(latents, props, pastActions), standardised);
            assertArrayEquals(reference.latents().toFloatArray(), imagined.features().toFloatArray(), 1e-5f);
            assertTrue(imagined.features().get(0).sub(imagined.features().get(1)).abs().max().getFloat() > 1e-3,
                    "candidates with different actions should be imagined differently");
            assertArrayEquals(reference.proprio().toFloatArray(), imagined.proprio().toFloatArray(), 1e-5f);
            // step 1 alone: the same as the first step of a longer rollout
            Imagination first = rollout.imagine(context, actions.get(":, 0:1"));
            assertArrayEquals(imagined.features().get(":, 0:1").toFloatArray(), first.features().toFloatArray(), 1e-5f);
        }
    }

    @Test
    void gradientsReachTheActionsAndGoalsUseTheSameUnits() {
        PredictorConfig p = PredictorConfig.tiny();
        try (NDManager m = NDManager.newBaseManager(); WorldModel model = WorldModel.create(WorldModelConfig.features(p), 6, m)) {
            randomiseLatentHead(model, m);
            WorldModelRollout rollout = new WorldModelRollout(model, NORM);
            assertTrue(rollout.isDifferentiable());
            NDArray context = rollout.context(m.randomNormal(new Shape(1, 16, 8)), new float[][] {{10f, 20f}}, null);
            NDArray actions = m.randomUniform(-1, 1, new Shape(2, 3, 4));
            actions.setRequiresGradient(true);
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                c.backward(rollout.imagine(context, actions).features().square().sum());
            }
            assertTrue(actions.getGradient().abs().sum().getFloat() > 0, "no gradient reached the actions");

            Goal goal = rollout.goal(m.randomNormal(new Shape(16, 8)), new float[] {14f, 18f});
            assertEquals(new Shape(4 * 8), goal.features().getShape());
            assertArrayEquals(new float[] {1f, -1f}, goal.proprio().toFloatArray(), 1e-6f);
        }
    }

    @Test
    void badShapesAreNamed() {
        try (NDManager m = NDManager.newBaseManager();
                WorldModel model = WorldModel.create(WorldModelConfig.features(PredictorConfig.tiny()), 1, m)) {
            WorldModelRollout rollout = new WorldModelRollout(model, NORM);
            NDArray context = rollout.context(m.zeros(new Shape(1, 16, 8)), new float[][] {{0f, 0f}}, null);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> rollout.imagine(context, m.zeros(new Shape(3, 2, 2))));
            assertTrue(e.getMessage().startsWith("actions: expected (N, S, 4)"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> rollout.context(m.zeros(new Shape(2, 16, 8)), new float[][] {{0f, 0f}, {0f, 0f}}, null));
            assertTrue(e.getMessage().startsWith("pastActions: expected 1 rows"), e.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> new WorldModelRollout(model, DataNormalization.identity(3, 2)));
        }
    }
}

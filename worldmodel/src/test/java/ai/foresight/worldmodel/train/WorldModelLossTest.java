package ai.foresight.worldmodel.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.foresight.worldmodel.DecoderConfig;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.RepoConfig;
import ai.foresight.worldmodel.WorldModel;
import ai.foresight.worldmodel.WorldModelConfig;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WorldModelLossTest {
    /** Loss weights that switch off every task term, so only the KL (β) and the decoder remain. */
    private static final TrainerConfig NO_TASK = new TrainerConfig(10, 4, 1e-3, 1e-4, 0, 0, 1, 0, 0, 0, 0L, 1, 0, 1, 0, 1);

    private static WindowBatch batchWithPixels(NDManager m, PredictorConfig p, int size) {
        WindowBatch b = new LinearDynamicsWindows(p, 3, 4).sample(m, 2, new Random(1));
        return new WindowBatch(b.features(), b.actions(), b.proprio(), b.reward(), m.randomUniform(0, 1, new Shape(2, 3, 3, size, size)));
    }

    /** Sum of |gradient| over the parameters whose name starts with {@code part}. */
    private static double gradientMass(WorldModel model, String part) {
        double mass = 0;
        for (var e : model.parameters()) {
            NDArray w = e.getValue().getArray();
            if (e.getKey().startsWith(part) && w.hasGradient()) {
                mass += w.getGradient().abs().sum().getFloat();
            }
        }
        return mass;
    }

    @Test
    void pixelLossNeverReachesThePosteriorOrPredictor() {
        PredictorConfig p = PredictorConfig.tiny();
        WorldModelConfig config = WorldModelConfig.repo(p, RepoConfig.tiny()).withDecoder(new DecoderConfig(8, 16));
        try (NDManager m = NDManager.newBaseManager(); WorldModel model = WorldModel.create(config, 3, m)) {
            WindowBatch batch = batchWithPixels(m, p, 8);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                WorldModelLoss.Computed c = new WorldModelLoss(model, NO_TASK).compute(batch, 0.0, true); // β = 0: KL term off
                assertTrue(c.terms().decoder() > 0);
                gc.backward(c.total());
            }
            assertTrue(gradientMass(model, "decoder/") > 0, "the decoder learns");
            assertEquals(0.0, gradientMass(model, "posterior/"), 0.0, "no pixel gradient into the posterior");
            assertEquals(0.0, gradientMass(model, "predictor/"), 0.0, "no pixel gradient into the predictor");
        }
    }

    @Test
    void klTermTrainsBothPriorAndPosteriorAndTermsAddUp() {
        PredictorConfig p = PredictorConfig.tiny();
        try (NDManager m = NDManager.newBaseManager(); WorldModel model = WorldModel.create(WorldModelConfig.repo(p, RepoConfig.tiny()), 3, m)) {
            WindowBatch batch = new LinearDynamicsWindows(p, 3, 4).sample(m, 4, new Random(2));
            LossTerms t;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                WorldModelLoss.Computed c = new WorldModelLoss(model, NO_TASK).compute(batch, 2.0, true);
                t = c.terms();
                gc.backward(c.total());
            }
            double posterior = gradientMass(model, "posterior/");
            double predictor = gradientMass(model, "predictor/");
            assertTrue(posterior > 0 && predictor > 0, "KL gradient mass: posterior " + posterior + ", predictor " + predictor + ", terms " + t);
            assertEquals(2.0 * (t.kl() - RepoConfig.tiny().epsilonNats()), t.klPenalty(), 1e-6);
            assertEquals(t.klPenalty(), t.total(), 1e-9, "with task weights 0 the total is the constraint term");
        }
    }

    @Test
    void badBatchesNameTheField() {
        PredictorConfig p = PredictorConfig.tiny();
        try (NDManager m = NDManager.newBaseManager(); WorldModel model = WorldModel.create(WorldModelConfig.repo(p, RepoConfig.tiny()), 3, m)) {
            WindowBatch good = new LinearDynamicsWindows(p, 3, 4).sample(m, 2, new Random(2));
            WindowBatch noReward = new WindowBatch(good.features(), good.actions(), good.proprio(), null, null);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new WorldModelLoss(model, NO_TASK).compute(noReward, 1, false));
            assertEquals("reward: expected (2, 3), got null", e.getMessage());
            WindowBatch shortActions = new WindowBatch(good.features(), good.actions().get(":, 0:1"), good.proprio(), good.reward(), null);
            e = assertThrows(IllegalArgumentException.class, () -> new WorldModelLoss(model, NO_TASK).compute(shortActions, 1, false));
            assertEquals("actions: expected (2, 2, 4), got (2, 1, 4)", e.getMessage());
        }
    }
}

package ai.foresight.planner.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.foresight.planner.fixtures.LinearRolloutModel;
import ai.foresight.planner.optim.DifferentiableObjective;
import org.junit.jupiter.api.Test;

/** Goal and reward objectives on the known linear world x' = x + B a (latent = x). */
class GoalDistanceObjectiveTest {
    private static final float[][] B = {{0.5f, 0.1f}, {0f, 0.4f}};
    private static final float[] START = {0f, 0f};
    private static final float[] GOAL = {0.6f, 0.8f};
    private static final LinearRolloutModel MODEL = new LinearRolloutModel(B, GOAL);

    /** Sequence 0 ends exactly on the goal (B (0.8, 2) = (0.6, 0.8) once, then rest); sequence 1 walks away. */
    private static NDArray twoSequences(NDManager m) {
        float[] reach = {0.8f, 2f, 0f, 0f, 0f, 0f};
        float[] away = {-1f, -1f, -1f, -1f, -1f, -1f};
        float[] both = new float[12];
        System.arraycopy(reach, 0, both, 0, 6);
        System.arraycopy(away, 0, both, 6, 6);
        return m.create(both, new Shape(2, 3, 2));
    }

    @Test
    void rankingPrefersTheSequenceThatReachesTheGoal() {
        GoalObjectiveConfig[] configs = {
            GoalObjectiveConfig.tiny(),
            GoalObjectiveConfig.tiny().withFrames(FrameWeighting.discounted(0.9f)),
            GoalObjectiveConfig.defaults(),
            GoalObjectiveConfig.zSpace()
        };
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray context = m.create(START);
            NDArray goalX = m.create(GOAL);
            Goal goal = new Goal(goalX, goalX.mul(2f), goalX);
            for (GoalObjectiveConfig config : configs) {
                float[] costs = new GoalDistanceObjective(MODEL, context, goal, config).evaluate(twoSequences(m)).toFloatArray();
                assertTrue(costs[0] < costs[1], config + ": reaching " + costs[0] + " vs not " + costs[1]);
                if (config.frames().mode() == FrameWeighting.Mode.LAST_FRAME) {
                    assertEquals(0f, costs[0], 1e-6, config + ": ending on the goal costs nothing");
                }
            }
        }
    }

    @Test
    void patchGridGoalsAverageOverTokensAndChannels() {
        // predicted (N=2, H=2, n=3, C=4) vs a goal of (n, C): the last-frame cost is the mean over n and C
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        float[] predicted = new float[2 * 2 * 3 * 4];
        float[] goalValues = new float[3 * 4];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < goalValues.length; i++) {
            goalValues[i] = (float) r.nextGaussian();
        }
        try (NDManager m = NDManager.newBaseManager()) {
            RolloutModel grid = (context, actions) -> new Imagination(m.create(predicted, new Shape(2, 2, 3, 4)), null, null, null);
            Goal goal = Goal.ofFeatures(m.create(goalValues, new Shape(3, 4)));
            float[] costs = new GoalDistanceObjective(grid, m.zeros(new Shape(1)), goal, GoalObjectiveConfig.tiny())
                    .evaluate(m.zeros(new Shape(2, 2, 1))).toFloatArray();
            for (int n = 0; n < 2; n++) {
                double sum = 0;
                for (int j = 0; j < 12; j++) {
                    double d = predicted[(n * 2 + 1) * 12 + j] - goalValues[j];
                    sum += d * d;
                }
                assertEquals(sum / 12, costs[n], 1e-5, "candidate " + n);
            }
        }
    }

    @Test
    void costMatchesAnIndependentComputation() {
        // x after each step for sequence 1 (all -1): x_t = t * B (-1, -1) = t * (-0.6, -0.4)
        double gamma = 0.8;
        double alpha = 0.5;
        double latent = 0;
        double weightSum = 0;
        for (int t = 0; t < 3; t++) {
            double x = -0.6 * (t + 1);
            double y = -0.4 * (t + 1);
            double mse = ((x - GOAL[0]) * (x - GOAL[0]) + (y - GOAL[1]) * (y - GOAL[1])) / 2;
            latent += Math.pow(gamma, t) * mse;
            weightSum += Math.pow(gamma, t);
        }
        latent /= weightSum;
        double expected = latent + alpha * latent; // proprio = x here, so its distance equals the latent one
        GoalObjectiveConfig config = new GoalObjectiveConfig(GoalObjectiveConfig.LatentSpace.FEATURES,
                FrameWeighting.discounted((float) gamma), (float) alpha);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray goalX = m.create(GOAL);
            GoalDistanceObjective objective = new GoalDistanceObjective(MODEL, m.create(START), Goal.ofFeatures(goalX, goalX), config);
            GoalCostTerms terms = objective.terms(twoSequences(m));
            assertEquals(latent, terms.latent().getFloat(1), 1e-5);
            assertEquals(latent, terms.proprio().getFloat(1), 1e-5);
            assertEquals(expected, terms.total().getFloat(1), 1e-5);
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        GoalObjectiveConfig config = new GoalObjectiveConfig(GoalObjectiveConfig.LatentSpace.FEATURES,
                FrameWeighting.discounted(0.9f), 0.7f);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray goalX = m.create(GOAL);
            DifferentiableObjective objective = new GoalDistanceObjective(MODEL, m.create(START), Goal.ofFeatures(goalX, goalX), config);
            assertTrue(objective.isDifferentiable());
            float[] x = {0.3f, -0.7f, 0.9f, 0.2f, -0.4f, 0.5f};
            NDArray actions = m.create(x, new Shape(1, 3, 2));
            float[] analytic = objective.costAndGradient(actions).gradient().toFloatArray();
            double eps = 1e-2;
            for (int i = 0; i < x.length; i++) {
                float[] plus = x.clone();
                float[] minus = x.clone();
                plus[i] += (float) eps;
                minus[i] -= (float) eps;
                double fPlus = objective.evaluate(m.create(plus, new Shape(1, 3, 2))).getFloat(0);
                double fMinus = objective.evaluate(m.create(minus, new Shape(1, 3, 2))).getFloat(0);
                double numeric = (fPlus - fMinus) / (2 * eps);
                assertEquals(numeric, analytic[i], 1e-3 + 1e-2 * Math.abs(numeric), "d cost / d a[" + i + "]");
            }
        }
    }

    @Test
    void differentiabilityFollowsTheModel() {
        RolloutModel opaque = (context, actions) -> MODEL.imagine(context, actions);
        try (NDManager m = NDManager.newBaseManager()) {
            Goal goal = Goal.ofFeatures(m.create(GOAL));
            assertFalse(new GoalDistanceObjective(opaque, m.create(START), goal, GoalObjectiveConfig.tiny()).isDifferentiable());
            assertTrue(new GoalDistanceObjective(MODEL, m.create(START), goal, GoalObjectiveConfig.tiny()).isDifferentiable());
        }
    }

    @Test
    void missingOrMisshapenInputsAreNamed() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray context = m.create(START);
            NDArray wrongShape = m.create(new float[] {1f, 2f, 3f});
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new GoalDistanceObjective(MODEL, context, Goal.ofFeatures(wrongShape), GoalObjectiveConfig.tiny())
                            .evaluate(twoSequences(m)));
            assertTrue(e.getMessage().startsWith("goal.features: expected shape (2)"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> new GoalDistanceObjective(MODEL, context, Goal.ofFeatures(m.create(GOAL)), GoalObjectiveConfig.zSpace()));
            assertTrue(e.getMessage().startsWith("goal.z"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> new GoalDistanceObjective(MODEL, context, Goal.ofFeatures(m.create(GOAL)), GoalObjectiveConfig.defaults()));
            assertTrue(e.getMessage().startsWith("goal.proprio"), e.getMessage());
            RolloutModel noZ = (c, a) -> {
                Imagination full = MODEL.imagine(c, a);
                return new Imagination(full.features(), null, null, null);
            };
            e = assertThrows(IllegalArgumentException.class,
                    () -> new GoalDistanceObjective(noZ, context, Goal.ofZ(m.create(GOAL)), GoalObjectiveConfig.zSpace())
                            .evaluate(twoSequences(m)));
            assertTrue(e.getMessage().startsWith("imagination.z"), e.getMessage());
            RolloutModel badShape = (c, a) -> new Imagination(m.zeros(new Shape(5, 3, 2)), null, null, null);
            e = assertThrows(IllegalArgumentException.class,
                    () -> new GoalDistanceObjective(badShape, context, Goal.ofFeatures(m.create(GOAL)), GoalObjectiveConfig.tiny())
                            .evaluate(twoSequences(m)));
            assertTrue(e.getMessage().startsWith("imagination.features: expected shape (2, 3, ...)"), e.getMessage());
        }
    }

    @Test
    void rewardObjectiveIsTheNegatedDiscountedSum() {
        double gamma = 0.9;
        double expected = 0;
        for (int t = 0; t < 3; t++) {
            double x = -0.6 * (t + 1);
            double y = -0.4 * (t + 1);
            double reward = -((x - GOAL[0]) * (x - GOAL[0]) + (y - GOAL[1]) * (y - GOAL[1]));
            expected -= Math.pow(gamma, t) * reward;
        }
        try (NDManager m = NDManager.newBaseManager()) {
            RewardObjective objective = new RewardObjective(MODEL, m.create(START), new RewardObjectiveConfig((float) gamma));
            float[] costs = objective.evaluate(twoSequences(m)).toFloatArray();
            assertEquals(expected, costs[1], 1e-5);
            assertTrue(costs[0] < costs[1], "the sequence that reaches the rewarding goal costs less");
            RolloutModel noReward = (c, a) -> new Imagination(MODEL.imagine(c, a).features(), null, null, null);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new RewardObjective(noReward, m.create(START), RewardObjectiveConfig.tiny()).evaluate(twoSequences(m)));
            assertTrue(e.getMessage().startsWith("imagination.reward"), e.getMessage());
        }
    }

    @Test
    void configsValidateTheirFields() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FrameWeighting.discounted(0f));
        assertTrue(e.getMessage().startsWith("discount"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GoalObjectiveConfig.tiny().withProprioWeight(-1f));
        assertTrue(e.getMessage().startsWith("proprioWeight"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RewardObjectiveConfig(1.5f));
        assertTrue(e.getMessage().startsWith("discount"), e.getMessage());
        float[] w = FrameWeighting.discounted(0.5f).weights(3);
        assertEquals(1f, w[0] + w[1] + w[2], 1e-6);
        assertEquals(2f, w[0] / w[1], 1e-5);
    }
}

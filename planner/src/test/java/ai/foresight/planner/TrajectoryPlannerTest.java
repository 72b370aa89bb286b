package ai.foresight.planner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.foresight.planner.fixtures.LinearRolloutModel;
import ai.foresight.planner.fixtures.QuadraticObjective;
import ai.foresight.planner.objective.FrameWeighting;
import ai.foresight.planner.objective.Goal;
import ai.foresight.planner.objective.GoalDistanceObjective;
import ai.foresight.planner.objective.GoalObjectiveConfig;
import ai.foresight.planner.optim.CemConfig;
import ai.foresight.planner.optim.CemOptimizer;
import ai.foresight.planner.optim.DifferentiableObjective;
import ai.foresight.planner.optim.IcemConfig;
import ai.foresight.planner.optim.IcemOptimizer;
import ai.foresight.planner.optim.ObjectiveFunction;
import ai.foresight.planner.optim.OptimizationResult;
import ai.foresight.planner.optim.SearchSpace;
import ai.foresight.planner.optim.SequenceOptimizer;
import ai.foresight.planner.optim.WarmStart;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shapes, normalisation, bounds and the exact warm-start shift of the TrajectoryPlanner. */
class TrajectoryPlannerTest {
    private static final float[] LOW = {0f, -3f};
    private static final float[] HIGH = {2f, 1f};

    @Test
    void shiftDropsExecutedStepsAndPadsWithTheFill() {
        float[][] seq = {{1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 10}};
        float[] fill = {-1, -2};
        assertArrayEquals(new float[][] {{5, 6}, {7, 8}, {9, 10}, {-1, -2}, {-1, -2}}, TrajectoryPlanner.shift(seq, 2, fill));
        assertArrayEquals(seq, TrajectoryPlanner.shift(seq, 0, fill));
        assertArrayEquals(new float[][] {{-1, -2}, {-1, -2}, {-1, -2}, {-1, -2}, {-1, -2}}, TrajectoryPlanner.shift(seq, 5, fill));
        assertArrayEquals(new float[][] {{-1, -2}, {-1, -2}, {-1, -2}, {-1, -2}, {-1, -2}}, TrajectoryPlanner.shift(seq, 9, fill));
        float[][] shifted = TrajectoryPlanner.shift(seq, 1, fill);
        shifted[0][0] = 99;
        assertEquals(3, seq[1][0], "the shift copies rows");
        assertThrows(IllegalArgumentException.class, () -> TrajectoryPlanner.shift(seq, -1, fill));
    }

    @Test
    void normalisesByBoundsOrStatistics() {
        TrajectoryPlanner byBounds = new TrajectoryPlanner(PlannerConfig.fromBounds(4, LOW, HIGH), new CemOptimizer(CemConfig.tiny()));
        assertArrayEquals(new float[] {-1f, -1f}, byBounds.searchSpace().lower());
        assertArrayEquals(new float[] {1f, 1f}, byBounds.searchSpace().upper());
        assertArrayEquals(new float[] {0f, 0f}, byBounds.fillAction(), "MEAN fill is normalised zero");
        PlannerConfig stats = PlannerConfig.fromStatistics(4, LOW, HIGH, new float[] {0.5f, 0f}, new float[] {0.25f, 2f})
                .withTailFill(TailFill.ZERO_ACTION);
        TrajectoryPlanner byStats = new TrajectoryPlanner(stats, new CemOptimizer(CemConfig.tiny()));
        assertArrayEquals(new float[] {-2f, -1.5f}, byStats.searchSpace().lower());
        assertArrayEquals(new float[] {6f, 0.5f}, byStats.searchSpace().upper());
        // zero action: dimension 0 clips to its lower bound 0 -> (0 - 0.5) / 0.25 = -2; dimension 1 -> 0
        assertArrayEquals(new float[] {-2f, 0f}, byStats.fillAction());
    }

    @Test
    void findsAnEnvUnitOptimumWithinBounds() {
        // optimum (1.5, -3.5): dimension 1 lies below its bound -3, so the answer is (1.5, -3)
        float[][] target = {{1.5f, -3.5f}, {1.5f, -3.5f}, {0.5f, 0f}};
        TrajectoryPlanner planner = new TrajectoryPlanner(PlannerConfig.fromBounds(3, LOW, HIGH), new CemOptimizer(CemConfig.defaults()));
        try (NDManager m = NDManager.newBaseManager()) {
            Plan plan = planner.plan(new QuadraticObjective(target, new float[] {1f, 1f}), m);
            float[][] expected = {{1.5f, -3f}, {1.5f, -3f}, {0.5f, 0f}};
            for (int t = 0; t < 3; t++) {
                for (int a = 0; a < 2; a++) {
                    float v = plan.actions()[t][a];
                    assertTrue(v >= LOW[a] && v <= HIGH[a], "action " + v + " outside bounds");
                    assertEquals(expected[t][a], v, 0.05, "a[" + t + "][" + a + "]");
                    // env = mean + std * u with mean (1, -1), std (1, 2)
                    float mean = a == 0 ? 1f : -1f;
                    float std = a == 0 ? 1f : 2f;
                    assertEquals(Math.max(LOW[a], Math.min(HIGH[a], mean + std * plan.normalisedActions()[t][a])), v, 1e-6);
                }
            }
            assertTrue(plan.seconds() > 0);
            assertEquals(CemConfig.defaults().iterations(), plan.trace().iterations().size());
        }
    }

    @Test
    void warmStartIsThePreviousSolutionShiftedExactly() {
        RecordingOptimizer spy = new RecordingOptimizer(new IcemOptimizer(IcemConfig.tiny()));
        PlannerConfig config = PlannerConfig.fromBounds(5, LOW, HIGH).withTailFill(TailFill.ZERO_ACTION);
        TrajectoryPlanner planner = new TrajectoryPlanner(config, spy);
        QuadraticObjective objective = new QuadraticObjective(new float[][] {{1, 0}, {1.2f, -1}, {0.8f, -2}, {0.4f, 0.5f}, {1.9f, -0.5f}},
                new float[] {1f, 1f});
        try (NDManager m = NDManager.newBaseManager()) {
            Plan first = planner.plan(objective, m);
            assertNull(spy.seenMeans.get(0), "the first plan starts cold");
            planner.advance(2);
            float[][] expected = TrajectoryPlanner.shift(first.normalisedActions(), 2, planner.fillAction());
            assertArrayEquals(expected, planner.warmStartMean());
            planner.plan(objective, m);
            assertArrayEquals(expected, spy.seenMeans.get(1), "the optimiser receives the shifted solution, bit for bit");
            float[][][] previousElites = spy.returnedElites.get(0);
            float[][][] seenElites = spy.seenElites.get(1);
            assertEquals(previousElites.length, seenElites.length);
            for (int k = 0; k < seenElites.length; k++) {
                assertArrayEquals(TrajectoryPlanner.shift(previousElites[k], 2, planner.fillAction()), seenElites[k], "elite " + k);
            }
            planner.reset();
            assertFalse(planner.hasWarmStart());
            planner.plan(objective, m);
            assertNull(spy.seenMeans.get(2), "reset forgets the warm start");
        }
    }

    @Test
    void gradientThroughTheNormalisationMatchesFiniteDifferences() {
        LinearRolloutModel model = new LinearRolloutModel(new float[][] {{0.5f, 0.1f}, {0f, 0.4f}}, new float[] {0f, 0f});
        PlannerConfig config = PlannerConfig.fromBounds(3, LOW, HIGH);
        ActionNormalization normalization = new ActionNormalization(config);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray goal = m.create(new float[] {0.6f, -0.8f});
            GoalObjectiveConfig goalConfig = GoalObjectiveConfig.tiny().withFrames(FrameWeighting.discounted(0.8f));
            DifferentiableObjective normalised = new NormalisedObjective(
                    new GoalDistanceObjective(model, m.create(new float[] {0.1f, 0.2f}), Goal.ofFeatures(goal), goalConfig), normalization);
            assertTrue(normalised.isDifferentiable());
            float[] u = {0.3f, -0.7f, 0.9f, 0.2f, -0.4f, 0.5f};
            float[] analytic = normalised.costAndGradient(m.create(u, new Shape(1, 3, 2))).gradient().toFloatArray();
            double eps = 1e-2;
            for (int i = 0; i < u.length; i++) {
                float[] plus = u.clone();
                float[] minus = u.clone();
                plus[i] += (float) eps;
                minus[i] -= (float) eps;
                double numeric = (normalised.evaluate(m.create(plus, new Shape(1, 3, 2))).getFloat(0)
                        - normalised.evaluate(m.create(minus, new Shape(1, 3, 2))).getFloat(0)) / (2 * eps);
                assertEquals(numeric, analytic[i], 1e-3 + 1e-2 * Math.abs(numeric), "d cost / d u[" + i + "]");
            }
        }
    }

    @Test
    void repeatedPlansDoNotGrowTheManager() {
        LinearRolloutModel model = new LinearRolloutModel(new float[][] {{0.5f, 0f}, {0f, 0.5f}}, new float[] {0f, 0f});
        TrajectoryPlanner planner = new TrajectoryPlanner(PlannerConfig.fromBounds(4, LOW, HIGH), new IcemOptimizer(IcemConfig.tiny()));
        try (NDManager base = NDManager.newBaseManager()) {
            NDArray goal = base.create(new float[] {0.9f, -0.4f});
            NDArray context = base.create(new float[] {0f, 0f});
            ObjectiveFunction objective = new GoalDistanceObjective(model, context, Goal.ofFeatures(goal), GoalObjectiveConfig.tiny());
            planner.plan(objective, base);
            int baseline = base.getManagedArrays().size();
            for (int i = 0; i < 5; i++) {
                planner.advance(1);
                planner.plan(objective, base);
                assertEquals(baseline, base.getManagedArrays().size(), "arrays leaked on plan " + i);
            }
        }
    }

    @Test
    void badConfigurationIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlannerConfig.fromBounds(0, LOW, HIGH));
        assertTrue(e.getMessage().startsWith("horizon"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PlannerConfig.fromBounds(3, LOW, new float[] {1f}));
        assertTrue(e.getMessage().startsWith("high"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PlannerConfig.fromStatistics(3, LOW, HIGH, new float[] {0f, 0f}, new float[] {1f, 0f}));
        assertTrue(e.getMessage().startsWith("actionStd[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TrajectoryPlanner(PlannerConfig.tiny(2), null));
        assertTrue(e.getMessage().startsWith("optimizer"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TrajectoryPlanner(PlannerConfig.tiny(2),
                new CemOptimizer(CemConfig.tiny())).advance(-1));
    }

    /** Wraps an optimiser and records (as Java arrays) the warm starts it receives and the elites it returns. */
    private static final class RecordingOptimizer implements SequenceOptimizer {
        final SequenceOptimizer inner;
        final List<float[][]> seenMeans = new ArrayList<>();
        final List<float[][][]> seenElites = new ArrayList<>();
        final List<float[][][]> returnedElites = new ArrayList<>();

        RecordingOptimizer(SequenceOptimizer inner) {
            this.inner = inner;
        }

        @Override
        public OptimizationResult optimize(ObjectiveFunction objective, SearchSpace space, WarmStart warmStart, NDManager manager) {
            seenMeans.add(warmStart == null ? null : rows(warmStart.mean()));
            seenElites.add(warmStart == null || warmStart.elites() == null ? null : blocks(warmStart.elites()));
            OptimizationResult result = inner.optimize(objective, space, warmStart, manager);
            returnedElites.add(result.elites() == null ? null : blocks(result.elites()));
            assertNotSame(null, result.best());
            return result;
        }

        @Override
        public String name() {
            return "recording-" + inner.name();
        }

        private static float[][] rows(NDArray a) {
            int h = (int) a.getShape().get(0);
            int d = (int) a.getShape().get(1);
            float[] flat = a.toFloatArray();
            float[][] out = new float[h][d];
            for (int t = 0; t < h; t++) {
                System.arraycopy(flat, t * d, out[t], 0, d);
            }
            return out;
        }

        private static float[][][] blocks(NDArray a) {
            int k = (int) a.getShape().get(0);
            float[][][] out = new float[k][][];
            for (int i = 0; i < k; i++) {
                try (NDArray block = a.get(i)) {
                    out[i] = rows(block);
                }
            }
            return out;
        }
    }
}

package ai.foresight.planner.mpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.foresight.datasets.env.Observation;
import ai.foresight.planner.PlannerConfig;
import ai.foresight.planner.TrajectoryPlanner;
import ai.foresight.planner.fixtures.LinearRolloutModel;
import ai.foresight.planner.objective.FrameWeighting;
import ai.foresight.planner.objective.Goal;
import ai.foresight.planner.objective.GoalDistanceObjective;
import ai.foresight.planner.objective.GoalObjectiveConfig;
import ai.foresight.planner.optim.CemConfig;
import ai.foresight.planner.optim.CemOptimizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MPC on the known linear world reaches the goal, and planning never touches the environment. */
class MpcControllerTest {
    private static final float[][] B = {{0.5f, 0.1f}, {0f, 0.4f}};
    private static final double[] START = {0, 0};
    private static final double[] GOAL = {3.0, -2.0};

    @Test
    void reachesTheGoalWithoutTouchingTheEnvironmentWhilePlanning() {
        LinearRolloutModel model = new LinearRolloutModel(B, new float[] {0f, 0f});
        SpyLinearEnv env = new SpyLinearEnv(model, START, GOAL);
        int steps = 24;
        try (NDManager manager = NDManager.newBaseManager()) {
            MpcController<Observation> controller = controller(model, manager);
            Observation observation = env.reset(0);
            List<float[]> returned = new ArrayList<>();
            int baseline = -1;
            double closest = Double.POSITIVE_INFINITY;
            for (int i = 0; i < steps; i++) {
                env.planning = true;
                float[] action = controller.act(observation);
                env.planning = false;
                returned.add(action);
                observation = env.step(toDouble(action)).observation();
                closest = Math.min(closest, env.currentDistance());
                if (i == 1) {
                    baseline = manager.getManagedArrays().size();
                }
            }
            assertEquals(0, env.callsWhilePlanning, "the controller touched the environment while planning");
            assertEquals(steps, env.executedActions.size(), "the loop stepped the environment once per returned action");
            for (int i = 0; i < steps; i++) {
                assertArrayEquals(toDouble(returned.get(i)), env.executedActions.get(i), 0.0, "action " + i + " came from the controller");
            }
            assertEquals(steps / 2, controller.replans(), "replans every k = 2 actions");
            assertEquals(baseline, manager.getManagedArrays().size(), "arrays leaked across replans");
            double distance = env.currentDistance();
            System.out.printf("MPC on x' = x + B a: distance to goal %.3f at start, closest %.4f, after %d steps %.4f%n",
                    Math.hypot(GOAL[0], GOAL[1]), closest, steps, distance);
            // sampling noise makes the controller jitter around the goal once there; it must get
            // there and stay within the success radius
            assertTrue(closest < 0.05, "closest distance to goal " + closest);
            assertTrue(distance < 0.15, "final distance to goal " + distance);
        }
    }

    @Test
    void replanIntervalMustFitTheHorizon() {
        try (NDManager manager = NDManager.newBaseManager()) {
            TrajectoryPlanner planner = new TrajectoryPlanner(PlannerConfig.tiny(2), new CemOptimizer(CemConfig.tiny()));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MpcController<Observation>(
                    planner, (o, m) -> m.create(o.proprio()), c -> a -> a.sum(new int[] {1, 2}), new MpcConfig(4), manager));
            assertTrue(e.getMessage().startsWith("replanEvery"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> new MpcConfig(0));
            assertTrue(e.getMessage().startsWith("replanEvery"), e.getMessage());
        }
    }

    @Test
    void resetStartsANewEpisode() {
        LinearRolloutModel model = new LinearRolloutModel(B, new float[] {0f, 0f});
        SpyLinearEnv env = new SpyLinearEnv(model, START, GOAL);
        try (NDManager manager = NDManager.newBaseManager()) {
            MpcController<Observation> controller = controller(model, manager);
            Observation observation = env.reset(0);
            controller.act(observation);
            controller.reset();
            assertEquals(null, controller.lastPlan());
            controller.act(observation);
            assertEquals(2, controller.replans(), "after reset the next action plans afresh");
        }
    }

    private static MpcController<Observation> controller(LinearRolloutModel model, NDManager manager) {
        NDArray goal = manager.create(new float[] {(float) GOAL[0], (float) GOAL[1]});
        GoalObjectiveConfig objectiveConfig = GoalObjectiveConfig.tiny().withFrames(FrameWeighting.discounted(0.9f));
        CemConfig cem = new CemConfig(128, 12, 6, 1f, 0f, 0f, 0L);
        TrajectoryPlanner planner = new TrajectoryPlanner(PlannerConfig.defaults(2), new CemOptimizer(cem));
        return new MpcController<>(planner,
                (observation, m) -> m.create(observation.proprio()),
                context -> new GoalDistanceObjective(model, context, Goal.ofFeatures(goal), objectiveConfig),
                MpcConfig.tiny(), manager);
    }

    private static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }
}

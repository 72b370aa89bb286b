package ai.foresight.experiments.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.datasets.env.Env;
import ai.foresight.datasets.env.Observation;
import ai.foresight.datasets.worlds.Worlds;
import ai.foresight.planner.agent.AgentConfig;
import ai.foresight.planner.agent.PlannerKind;
import ai.foresight.planner.objective.FrameWeighting;
import ai.foresight.worldmodel.data.DataNormalization;
import org.junit.jupiter.api.Test;

class TrueDynamicsAgentTest {
    private static final AgentConfig SMALL_CEM =
            new AgentConfig(PlannerKind.CEM, 100, 5, 0f, 3, 1, 1f, FrameWeighting.discounted(0.9f), 4L);

    @Test
    void reachesAGoalInTheSameRoomAndStopsThere() {
        Env evaluated = Worlds.create("wall", 32);
        Observation obs = evaluated.resetTo(new double[] {8, 10}, new double[] {22, 50});
        try (TrueDynamicsAgent agent = new TrueDynamicsAgent(Worlds.create("wall", 32), evaluated::state,
                evaluated::goal, 5, DataNormalization.identity(2, 2), SMALL_CEM)) {
            agent.reset(evaluated.goalObservation());
            double start = evaluated.distanceToGoal(evaluated.state());
            for (int step = 0; step < 50; ) {
                double[][] chunk = agent.act(obs);
                assertEquals(5, chunk.length, "one frame step of k = 5 actions per plan");
                for (double[] a : chunk) {
                    assertTrue(Math.abs(a[0]) <= 2 && Math.abs(a[1]) <= 2, "actions within the world's bounds");
                    obs = evaluated.step(a).observation();
                    step++;
                }
            }
            double end = evaluated.distanceToGoal(evaluated.state());
            // 42 px away; at up to 4 px per action the dot needs ~11 of its 50 steps, then must stay
            assertTrue(evaluated.isSuccess(evaluated.state()), "from " + start + " px the agent ended " + end + " px from the goal");
        }
    }

    @Test
    void refusesMismatchedInputs() {
        Env wall = Worlds.create("wall", 32);
        assertThrows(IllegalArgumentException.class,
                () -> new TrueDynamicsAgent(wall, wall::state, wall::goal, 0, DataNormalization.identity(2, 2), SMALL_CEM));
        assertThrows(IllegalArgumentException.class,
                () -> new TrueDynamicsAgent(wall, wall::state, wall::goal, 5, DataNormalization.identity(3, 2), SMALL_CEM));
    }
}

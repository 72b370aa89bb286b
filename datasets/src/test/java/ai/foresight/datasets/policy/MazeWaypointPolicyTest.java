package ai.foresight.datasets.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.datasets.worlds.PointMazeConfig;
import ai.foresight.datasets.worlds.PointMazeEnv;
import ai.foresight.datasets.worlds.Worlds;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MazeWaypointPolicyTest {

    @Test
    void waypointPolicyTravelsTheWholeMazeWithinBounds() {
        PointMazeEnv env = new PointMazeEnv(PointMazeConfig.tiny());
        MazeWaypointPolicy policy = new MazeWaypointPolicy(MazeWaypointConfig.defaults());
        int armChanges = 0;
        Set<Integer> cellsVisited = new HashSet<>();
        for (long episode = 0; episode < 10; episode++) {
            env.reset(episode);
            policy.reset(env, episode);
            int arm = PointMazeEnv.armOf(env.maze().cellOf(env.state()[0], env.state()[1]));
            for (int t = 0; t < 100; t++) {
                double[] a = policy.act(env);
                assertTrue(Math.abs(a[0]) <= 1 && Math.abs(a[1]) <= 1, "action within [-1, 1]^2");
                env.step(a);
                int[] cell = env.maze().cellOf(env.state()[0], env.state()[1]);
                cellsVisited.add(cell[0] * 5 + cell[1]);
                int now = PointMazeEnv.armOf(cell);
                armChanges += now != arm ? 1 : 0;
                arm = now;
            }
        }
        assertEquals(7, cellsVisited.size(), "every free cell visited");
        assertTrue(armChanges >= 10, "trajectories move between arms: " + armChanges);
    }

    @Test
    void randomPolicyStaysInBoundsAndCentred() {
        PointMazeEnv env = new PointMazeEnv(PointMazeConfig.tiny());
        UniformRandomPolicy policy = new UniformRandomPolicy();
        env.reset(0);
        policy.reset(env, 0);
        double sum = 0;
        for (int t = 0; t < 2000; t++) {
            double[] a = policy.act(env);
            assertTrue(Math.abs(a[0]) <= 1 && Math.abs(a[1]) <= 1);
            sum += a[0] + a[1];
        }
        assertEquals(0, sum / 4000, 0.05, "uniform on [-1, 1] has mean 0");
        assertThrows(IllegalStateException.class, () -> new UniformRandomPolicy().act(env));
    }

    @Test
    void onlyPointMaze() {
        MazeWaypointPolicy policy = new MazeWaypointPolicy(MazeWaypointConfig.defaults());
        assertThrows(IllegalArgumentException.class, () -> policy.reset(Worlds.create("wall", 16), 0));
        assertThrows(IllegalArgumentException.class, () -> new MazeWaypointConfig(0, 0.6, 0.3, 0.3, 0.2));
    }
}

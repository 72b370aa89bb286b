package ai.foresight.datasets.policy;

import ai.foresight.datasets.env.Env;
import ai.foresight.datasets.worlds.MazeLayout;
import ai.foresight.datasets.worlds.PointMazeEnv;
import java.util.List;
import java.util.SplittableRandom;

/**
 * PointMaze's collection policy, after D4RL's maze2d data (Fu et al., 2020): it draws a random target
 * point in a random free cell, follows the shortest cell path toward it with a noisy PD controller
 * aimed at the next (jittered) cell centre, and draws a new target once it arrives. The world's own
 * goal is ignored, so trajectories cover the whole maze.
 */
public final class MazeWaypointPolicy implements CollectionPolicy {
    private final MazeWaypointConfig config;
    private SplittableRandom random;
    private MazeLayout maze;
    private int[] targetCell;
    private double[] target;
    private int[] waypointCell;
    private double[] waypoint;

    public MazeWaypointPolicy(MazeWaypointConfig config) {
        this.config = config;
    }

    @Override
    public void reset(Env env, long seed) {
        if (!(env instanceof PointMazeEnv pm)) {
            throw new IllegalArgumentException("env: expected a pointmaze world, got " + env.spec().name());
        }
        maze = pm.maze();
        random = new SplittableRandom(seed);
        target = null;
        waypointCell = null;
    }

    @Override
    public double[] act(Env env) {
        if (random == null) {
            throw new IllegalStateException("policy: call reset(env, seed) before act(env)");
        }
        double[] s = env.state();
        int[] cell = maze.cellOf(s[0], s[1]);
        if (target == null || Math.hypot(s[0] - target[0], s[1] - target[1]) < config.reachRadius()) {
            pickTarget();
        }
        double[] aim = aimPoint(cell);
        double ax = config.kp() * (aim[0] - s[0]) - config.kd() * s[2] + config.noiseStd() * random.nextGaussian();
        double ay = config.kp() * (aim[1] - s[1]) - config.kd() * s[3] + config.noiseStd() * random.nextGaussian();
        return env.spec().clip(new double[] {ax, ay});
    }

    private void pickTarget() {
        List<int[]> free = maze.freeCells();
        targetCell = free.get(random.nextInt(free.size()));
        target = new double[] {targetCell[1] + random.nextDouble(0.3, 0.7), targetCell[0] + random.nextDouble(0.3, 0.7)};
        waypointCell = null;
    }

    /** The target itself once in its cell, else the jittered centre of the next cell on the path. */
    private double[] aimPoint(int[] cell) {
        if (cell[0] == targetCell[0] && cell[1] == targetCell[1]) {
            return target;
        }
        List<int[]> path = maze.path(cell, targetCell);
        if (path.size() < 2) {
            return target; // off the free grid for an instant (touching a wall corner): head for the target
        }
        int[] next = path.get(1);
        if (waypointCell == null || waypointCell[0] != next[0] || waypointCell[1] != next[1]) {
            waypointCell = next;
            double j = config.waypointJitter();
            waypoint = new double[] {
                next[1] + 0.5 + (j > 0 ? random.nextDouble(-j, j) : 0),
                next[0] + 0.5 + (j > 0 ? random.nextDouble(-j, j) : 0)
            };
        }
        return waypoint;
    }
}

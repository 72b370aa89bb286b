package ai.foresight.datasets.worlds;

import ai.foresight.datasets.env.EnvSpec;
import ai.foresight.datasets.image.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * PointMaze as used by DINO-WM (Zhou et al., 2024), after D4RL's maze2d-umaze (Fu et al., 2020): a
 * damped point mass in the U-maze, seen from above.
 *
 * <p>Action: a in [-1, 1]^2 (clipped), an acceleration command. Each control step integrates
 * {@link PointMazeConfig#substeps()} semi-implicit Euler substeps of dv/dt = gain * a - damping * v
 * (speed capped at maxSpeed), then pushes the ball out of any wall cell it overlaps and removes the
 * velocity component into that wall (inelastic contact). A substep moves less than the ball radius,
 * so the ball cannot pass through a wall; with zero action its kinetic energy never grows.
 *
 * <p>State and proprio: {@code [x, y, vx, vy]} in maze units (cell (row, col) covers x in [col,
 * col+1], y in [row, row+1]). Success: |xy - goal xy| &lt; 0.5. Start and goal are uniform in free
 * cells; with probability one half the goal lies in another arm (top arm, bend, bottom arm).
 */
public final class PointMazeEnv extends AbstractWorld {
    private static final List<String> NAMES = List.of("x", "y", "vx", "vy");

    private final PointMazeConfig config;
    private final MazeLayout maze;
    private final PointMazeRenderer renderer;

    public PointMazeEnv(PointMazeConfig config) {
        super(new EnvSpec("pointmaze", config.size(), config.size(), new double[] {-1, -1}, new double[] {1, 1},
                NAMES, NAMES, config.successRadius()));
        this.config = config;
        this.maze = MazeLayout.uMaze();
        this.renderer = new PointMazeRenderer(maze, config.size(), config.ballRadius());
    }

    public PointMazeConfig config() {
        return config;
    }

    public MazeLayout maze() {
        return maze;
    }

    /** Which arm of the U a cell belongs to: 0 top arm, 1 bend (right column), 2 bottom arm. */
    public static int armOf(int[] cell) {
        if (cell[1] >= 3) {
            return 1;
        }
        return cell[0] <= 1 ? 0 : 2;
    }

    @Override
    protected Episode sampleEpisode(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<int[]> free = maze.freeCells();
        int[] startCell = free.get(random.nextInt(free.size()));
        boolean otherArm = random.nextDouble() < config.otherArmProbability();
        List<int[]> goalCells = new ArrayList<>();
        for (int[] c : free) {
            if ((armOf(c) != armOf(startCell)) == otherArm) {
                goalCells.add(c);
            }
        }
        double[] start = pointIn(random, startCell);
        double[] goal = pointIn(random, goalCells.get(random.nextInt(goalCells.size())));
        for (int tries = 0; tries < 100 && Math.hypot(goal[0] - start[0], goal[1] - start[1]) < 2 * config.successRadius(); tries++) {
            goal = pointIn(random, goalCells.get(random.nextInt(goalCells.size())));
        }
        return new Episode(start, goal);
    }

    private double[] pointIn(SplittableRandom random, int[] cell) {
        double r = config.ballRadius();
        double x = cell[1] + random.nextDouble(r, 1 - r);
        double y = cell[0] + random.nextDouble(r, 1 - r);
        return new double[] {x, y, 0, 0};
    }

    @Override
    protected void validateState(String field, double[] s) {
        StateChecks.requireRange(field, s, 0, NAMES, 0, maze.cols());
        StateChecks.requireRange(field, s, 1, NAMES, 0, maze.rows());
        double clearance = maze.clearance(s[0], s[1], 1);
        if (clearance < config.ballRadius() - 1e-9) {
            throw new IllegalArgumentException(field + "[0..1] (x, y): expected a position at least " + config.ballRadius()
                    + " from every wall cell, got (" + s[0] + ", " + s[1] + ") at clearance " + clearance);
        }
        StateChecks.requireRange(field, s, 2, NAMES, -config.maxSpeed(), config.maxSpeed());
        StateChecks.requireRange(field, s, 3, NAMES, -config.maxSpeed(), config.maxSpeed());
    }

    @Override
    protected double[] advance(double[] s, double[] action) {
        double x = s[0], y = s[1], vx = s[2], vy = s[3];
        double dt = config.controlDt() / config.substeps();
        double ax = config.accelGain() * action[0];
        double ay = config.accelGain() * action[1];
        for (int k = 0; k < config.substeps(); k++) {
            vx += dt * (ax - config.damping() * vx);
            vy += dt * (ay - config.damping() * vy);
            double speed = Math.hypot(vx, vy);
            if (speed > config.maxSpeed()) {
                vx *= config.maxSpeed() / speed;
                vy *= config.maxSpeed() / speed;
            }
            double[] next = {x + dt * vx, y + dt * vy, vx, vy};
            collide(next, x, y);
            x = next[0];
            y = next[1];
            vx = next[2];
            vy = next[3];
        }
        return new double[] {x, y, vx, vy};
    }

    /** Pushes the ball in {@code p} = [x, y, vx, vy] out of overlapping wall cells, dropping inward velocity. */
    private void collide(double[] p, double previousX, double previousY) {
        double r = config.ballRadius();
        for (int pass = 0; pass < 2; pass++) {
            int r0 = (int) Math.floor(p[1] - r), r1 = (int) Math.floor(p[1] + r);
            int c0 = (int) Math.floor(p[0] - r), c1 = (int) Math.floor(p[0] + r);
            for (int row = r0; row <= r1; row++) {
                for (int col = c0; col <= c1; col++) {
                    if (!maze.isWall(row, col)) {
                        continue;
                    }
                    double qx = Math.max(col, Math.min(col + 1, p[0]));
                    double qy = Math.max(row, Math.min(row + 1, p[1]));
                    double dx = p[0] - qx, dy = p[1] - qy;
                    double d = Math.hypot(dx, dy);
                    if (d >= r) {
                        continue;
                    }
                    if (d < 1e-12) { // centre inside a wall: impossible with substep < radius; undo the substep
                        p[0] = previousX;
                        p[1] = previousY;
                        p[2] = 0;
                        p[3] = 0;
                        return;
                    }
                    double nx = dx / d, ny = dy / d;
                    p[0] = qx + nx * r;
                    p[1] = qy + ny * r;
                    double vn = p[2] * nx + p[3] * ny;
                    if (vn < 0) {
                        p[2] -= vn * nx;
                        p[3] -= vn * ny;
                    }
                }
            }
        }
    }

    @Override
    protected double distance(double[] s, double[] g) {
        return Math.hypot(s[0] - g[0], s[1] - g[1]);
    }

    @Override
    protected float[] proprioOf(double[] s) {
        return new float[] {(float) s[0], (float) s[1], (float) s[2], (float) s[3]};
    }

    @Override
    protected Frame draw(double[] s) {
        return renderer.render(s[0], s[1]);
    }
}

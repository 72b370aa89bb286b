package ai.foresight.datasets.worlds;

import static ai.foresight.datasets.worlds.WallEnvTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.foresight.datasets.env.StepResult;
import ai.foresight.datasets.image.Frame;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PointMazeEnvTest {
    private static final int[][] UMAZE = {
        {1, 1, 1, 1, 1}, {1, 0, 0, 0, 1}, {1, 1, 1, 0, 1}, {1, 0, 0, 0, 1}, {1, 1, 1, 1, 1}
    };

    /** Independent reference: distance from (x, y) to the nearest wall cell of the U-maze, by brute force. */
    private static double clearance(double x, double y) {
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 5; c++) {
                if (UMAZE[r][c] == 1) {
                    double dx = Math.max(Math.max(c - x, 0), x - (c + 1));
                    double dy = Math.max(Math.max(r - y, 0), y - (r + 1));
                    best = Math.min(best, Math.hypot(dx, dy));
                }
            }
        }
        return best;
    }

    @Test
    void massNeverEntersAWallCell() {
        PointMazeEnv env = new PointMazeEnv(PointMazeConfig.tiny());
        double radius = env.config().ballRadius();
        SplittableRandom random = new SplittableRandom(11);
        int contacts = 0;
        for (int episode = 0; episode < 60; episode++) {
            env.reset(episode);
            double[] hold = {random.nextDouble(-1, 1), random.nextDouble(-1, 1)};
            for (int t = 0; t < 100; t++) {
                // alternate held full-throttle pushes (into walls and corners) with random jitter
                double[] a = t % 20 < 10 ? hold : new double[] {random.nextDouble(-2, 2), random.nextDouble(-2, 2)};
                if (t % 20 == 19) {
                    hold = new double[] {random.nextBoolean() ? 1 : -1, random.nextBoolean() ? 1 : -1};
                }
                env.step(a);
                double[] s = env.state();
                double c = clearance(s[0], s[1]);
                if (c < radius - 1e-9) {
                    fail("episode " + episode + " step " + t + ": ball overlaps a wall, clearance " + c + " at " + s[0] + "," + s[1]);
                }
                if (UMAZE[(int) Math.floor(s[1])][(int) Math.floor(s[0])] == 1) {
                    fail("centre inside a wall cell at " + s[0] + "," + s[1]);
                }
                contacts += c < radius + 1e-6 ? 1 : 0;
                assertTrue(Math.hypot(s[2], s[3]) <= env.config().maxSpeed() + 1e-9, "speed capped");
            }
        }
        assertTrue(contacts > 100, "the fuzz should press against walls often, touched " + contacts + " times");
    }

    @Test
    void kineticEnergyNeverGrowsWithoutInput() {
        PointMazeEnv env = new PointMazeEnv(PointMazeConfig.tiny());
        double[][] starts = {{1.5, 1.5, 4.5, 1.0}, {3.5, 2.5, 1.0, -4.9}, {1.3, 3.4, -3.0, 3.0}, {3.4, 3.6, 3.0, 3.0}};
        for (double[] start : starts) {
            env.resetTo(start, new double[] {1.5, 3.5, 0, 0});
            double energy = 0.5 * (start[2] * start[2] + start[3] * start[3]);
            for (int t = 0; t < 60; t++) {
                env.step(new double[] {0, 0});
                double[] s = env.state();
                double e = 0.5 * (s[2] * s[2] + s[3] * s[3]);
                assertTrue(e <= energy + 1e-12, "energy grew from " + energy + " to " + e + " at step " + t);
                energy = e;
            }
            assertTrue(energy < 1e-6, "the ball comes to rest, energy " + energy);
        }
    }

    @Test
    void freeFlightMatchesTheClosedFormOfTheDampedIntegrator() {
        PointMazeConfig c = PointMazeConfig.tiny();
        PointMazeEnv env = new PointMazeEnv(c);
        env.resetTo(new double[] {2.0, 1.5, 0, 0}, new double[] {1.5, 3.5, 0, 0});
        env.step(new double[] {0.5, 0});
        // semi-implicit Euler from rest: v_n = (g a / d) (1 - q^n), q = 1 - d h; x_n = x_0 + h sum v_k
        double h = c.controlDt() / c.substeps(), q = 1 - c.damping() * h, terminal = c.accelGain() * 0.5 / c.damping();
        double v = 0, x = 2.0;
        for (int n = 1; n <= c.substeps(); n++) {
            v = terminal * (1 - Math.pow(q, n));
            x += h * v;
        }
        assertArrayEquals(new double[] {x, 1.5, v, 0}, env.state(), 1e-12);
    }

    @Test
    void sameSeedSameActionsSameStatesAndFrames() {
        PointMazeEnv a = new PointMazeEnv(PointMazeConfig.withSize(32));
        PointMazeEnv b = new PointMazeEnv(PointMazeConfig.withSize(32));
        assertEquals(a.reset(5).frame(), b.reset(5).frame());
        assertArrayEquals(a.goal(), b.goal());
        SplittableRandom random = new SplittableRandom(5);
        for (int t = 0; t < 50; t++) {
            double[] action = {random.nextDouble(-1, 1), random.nextDouble(-1, 1)};
            StepResult ra = a.step(action);
            StepResult rb = b.step(action);
            assertArrayEquals(a.state(), b.state());
            assertEquals(ra.observation().frame(), rb.observation().frame());
        }
    }

    @Test
    void renderPutsTheBallWhereTheStateSays() {
        for (int size : new int[] {64, 96}) {
            PointMazeEnv env = new PointMazeEnv(PointMazeConfig.withSize(size));
            SplittableRandom random = new SplittableRandom(size);
            for (int k = 0; k < 20; k++) {
                env.reset(k);
                double[] s = env.state();
                Frame f = env.render(s);
                double sum = 0, sx = 0, sy = 0;
                for (int i = 0; i < size; i++) {
                    for (int j = 0; j < size; j++) {
                        double redness = Math.max(0, f.get(i, j, 0) - f.get(i, j, 1) - 30);
                        sum += redness;
                        sx += redness * (j + 0.5);
                        sy += redness * (i + 0.5);
                    }
                }
                double scale = size / 5.0;
                assertEquals(s[0] * scale, sx / sum, 0.3, "ball x in pixels");
                assertEquals(s[1] * scale, sy / sum, 0.3, "ball y in pixels");
            }
            Frame empty = env.render(new double[] {2.5, 2.5, 0, 0}); // a state inside the middle wall still draws
            assertEquals(size, empty.width());
        }
    }

    @Test
    void successAtHalfAMazeUnit() {
        PointMazeEnv env = new PointMazeEnv(PointMazeConfig.tiny());
        env.resetTo(new double[] {1.5, 1.5, 0, 0}, new double[] {3.5, 3.5, 0, 0});
        assertTrue(env.isSuccess(new double[] {3.5, 3.01, 2, 2}));
        assertFalse(env.isSuccess(new double[] {3.5, 3.0, 0, 0}));
        assertEquals(0.5, env.distanceToGoal(new double[] {3.8, 3.9, 4, 4}), 1e-12);
        assertEquals(-env.distanceToGoal(env.state()), env.reward(), 1e-12);
    }

    @Test
    void goalsLieInAnotherArmAboutHalfTheTime() {
        PointMazeEnv env = new PointMazeEnv(PointMazeConfig.tiny());
        int other = 0;
        for (long seed = 0; seed < 400; seed++) {
            env.reset(seed);
            double[] s = env.state(), g = env.goal();
            assertTrue(clearance(s[0], s[1]) >= env.config().ballRadius() - 1e-12);
            assertTrue(clearance(g[0], g[1]) >= env.config().ballRadius() - 1e-12);
            assertFalse(env.isSuccess(s), "a fresh episode is not already solved");
            other += PointMazeEnv.armOf(env.maze().cellOf(s[0], s[1])) != PointMazeEnv.armOf(env.maze().cellOf(g[0], g[1])) ? 1 : 0;
        }
        assertTrue(other > 160 && other < 240, "other arm " + other + "/400");
    }

    @Test
    void badInputNamesTheField() {
        PointMazeEnv env = new PointMazeEnv(PointMazeConfig.tiny());
        double[] goal = {1.5, 1.5, 0, 0};
        assertMessage("state: expected length 4", () -> env.resetTo(new double[] {1.5, 1.5}, goal));
        assertMessage("state[0..1] (x, y): expected a position at least 0.2 from every wall cell",
                () -> env.resetTo(new double[] {2.5, 2.5, 0, 0}, goal));
        assertMessage("state[0..1] (x, y)", () -> env.resetTo(new double[] {1.1, 1.5, 0, 0}, goal));
        assertMessage("state[1] (y): expected 0.0..5.0, got 7.0", () -> env.resetTo(new double[] {1.5, 7, 0, 0}, goal));
        assertMessage("goal[3] (vy): expected -5.0..5.0, got 9.0", () -> env.resetTo(goal, new double[] {1.5, 1.5, 0, 9}));
        assertMessage("state[2] (vx): expected a finite number", () -> env.resetTo(new double[] {1.5, 1.5, Double.NaN, 0}, goal));
        env.resetTo(goal, goal);
        assertMessage("action: expected length 2, got 1", () -> env.step(new double[] {1}));
    }
}

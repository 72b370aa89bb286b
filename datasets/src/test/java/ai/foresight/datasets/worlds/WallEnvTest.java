package ai.foresight.datasets.worlds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.foresight.datasets.env.StepResult;
import ai.foresight.datasets.image.Frame;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WallEnvTest {

    /** Independent reference: is (x, y) strictly inside the wall grown by the dot radius (less a tolerance)? */
    private static boolean insideGrownWall(double x, double y, WallLayout l, WallConfig c) {
        double tol = 1e-9;
        double half = c.wallWidth() / 2 + c.dotRadius() - tol;
        boolean inColumn = Math.abs(x - l.wallX()) < half;
        boolean outsideDoor = y < l.doorLo() + c.dotRadius() - tol || y > l.doorHi() - c.dotRadius() + tol;
        return inColumn && outsideDoor;
    }

    @Test
    void dotNeverCrossesTheWallExceptThroughTheDoor() {
        for (WallConfig config : new WallConfig[] {WallConfig.wall(16), WallConfig.wallRandom(16)}) {
            WallEnv env = new WallEnv(config);
            SplittableRandom random = new SplittableRandom(7);
            int crossings = 0;
            for (int episode = 0; episode < 150; episode++) {
                env.reset(episode);
                WallLayout layout = env.layout(env.state());
                boolean seekDoor = episode % 2 == 0;
                for (int t = 0; t < 60; t++) {
                    double[] s = env.state();
                    double[] a;
                    if (seekDoor) { // head for the door (and overshoot), with noise, to exercise the opening
                        double side = s[0] < layout.wallX() ? 1 : -1;
                        double aimX = layout.wallX() + side * 8;
                        double aimY = (layout.doorLo() + layout.doorHi()) / 2 + random.nextDouble(-8, 8);
                        a = new double[] {(aimX - s[0]) * 0.5 + random.nextGaussian(), (aimY - s[1]) * 0.5 + random.nextGaussian()};
                    } else {
                        a = new double[] {random.nextDouble(-3, 3), random.nextDouble(-3, 3)};
                    }
                    env.step(a);
                    double[] n = env.state();
                    for (int k = 0; k <= 200; k++) {
                        double x = s[0] + (n[0] - s[0]) * k / 200.0, y = s[1] + (n[1] - s[1]) * k / 200.0;
                        if (insideGrownWall(x, y, layout, config)) {
                            fail(config.id() + " episode " + episode + " step " + t + " path enters the wall at " + x + "," + y);
                        }
                    }
                    boolean crossed = (s[0] < layout.wallX()) != (n[0] < layout.wallX());
                    if (crossed) {
                        crossings++;
                        double f = (layout.wallX() - s[0]) / (n[0] - s[0]);
                        double y = s[1] + f * (n[1] - s[1]);
                        assertTrue(y >= layout.doorLo() && y <= layout.doorHi(), "crossed at y " + y + " outside the door " + layout);
                    }
                    assertTrue(n[0] >= config.dotRadius() && n[0] <= 64 - config.dotRadius(), "x inside the border");
                    assertTrue(n[1] >= config.dotRadius() && n[1] <= 64 - config.dotRadius(), "y inside the border");
                }
            }
            assertTrue(crossings > 20, config.id() + ": the fuzz should cross the door many times, crossed " + crossings);
        }
    }

    @Test
    void freeMotionIsTwiceTheClippedAction() {
        WallEnv env = new WallEnv(WallConfig.tiny());
        env.resetTo(new double[] {10, 10}, new double[] {50, 50});
        env.step(new double[] {1.5, -0.5});
        assertArrayEquals(new double[] {13, 9}, env.state(), 1e-12);
        env.step(new double[] {5, 5}); // clipped to (2, 2)
        assertArrayEquals(new double[] {17, 13}, env.state(), 1e-12);
    }

    @Test
    void blockedMoveStopsAtTheWallFace() {
        WallConfig c = WallConfig.tiny();
        WallEnv env = new WallEnv(c);
        double face = 32 - c.wallWidth() / 2 - c.dotRadius();
        env.resetTo(new double[] {face - 1, 10}, new double[] {50, 50});
        env.step(new double[] {2, 1}); // would move (4, 2): hits the face after a quarter
        assertEquals(face, env.state()[0], 1e-6);
        assertEquals(10.5, env.state()[1], 1e-6);
        assertTrue(env.state()[0] <= face);
        env.step(new double[] {2, 0}); // pressing on: stays
        assertEquals(face, env.state()[0], 1e-6);
        env.step(new double[] {0, 1.5}); // sliding along the face is allowed
        assertEquals(13.5, env.state()[1], 1e-6);
    }

    @Test
    void borderStopsTheDot() {
        WallConfig c = WallConfig.tiny();
        WallEnv env = new WallEnv(c);
        env.resetTo(new double[] {3, 30}, new double[] {50, 50});
        env.step(new double[] {-2, 0});
        assertEquals(c.dotRadius(), env.state()[0], 1e-12);
    }

    @Test
    void sameSeedSameActionsSameStatesAndFrames() {
        for (String id : new String[] {"wall", "wall-random"}) {
            WallEnv a = new WallEnv(id.equals("wall") ? WallConfig.wall(32) : WallConfig.wallRandom(32));
            WallEnv b = new WallEnv(id.equals("wall") ? WallConfig.wall(32) : WallConfig.wallRandom(32));
            assertEquals(a.reset(99).frame(), b.reset(99).frame());
            assertArrayEquals(a.goal(), b.goal());
            SplittableRandom random = new SplittableRandom(3);
            for (int t = 0; t < 40; t++) {
                double[] action = {random.nextDouble(-2, 2), random.nextDouble(-2, 2)};
                StepResult ra = a.step(action);
                StepResult rb = b.step(action.clone());
                assertArrayEquals(a.state(), b.state());
                assertEquals(ra.observation().frame(), rb.observation().frame());
                assertEquals(ra.reward(), rb.reward());
            }
            WallEnv c = new WallEnv(id.equals("wall") ? WallConfig.wall(32) : WallConfig.wallRandom(32));
            c.reset(100);
            b.reset(99);
            assertFalse(java.util.Arrays.equals(b.state(), c.state()), "a different seed gives a different start");
        }
    }

    @Test
    void renderPutsTheBlobWhereTheStateSays() {
        for (int size : new int[] {64, 128}) {
            WallEnv env = new WallEnv(WallConfig.wall(size));
            SplittableRandom random = new SplittableRandom(size);
            for (int k = 0; k < 30; k++) {
                double x = random.nextBoolean() ? random.nextDouble(3, 27) : random.nextDouble(37, 61);
                double y = random.nextDouble(3, 61);
                Frame f = env.render(new double[] {x, y});
                int bestI = 0, bestJ = 0, best = -1;
                for (int i = 0; i < size; i++) {
                    for (int j = 0; j < size; j++) {
                        if (f.get(i, j, 0) > best) {
                            best = f.get(i, j, 0);
                            bestI = i;
                            bestJ = j;
                        }
                    }
                }
                double scale = size / 64.0;
                assertEquals(x * scale, bestJ + 0.5, 0.75, "blob column");
                assertEquals(y * scale, bestI + 0.5, 0.75, "blob row");
                assertTrue(best > 200, "blob peak is bright");
            }
        }
    }

    @Test
    void renderDrawsTheStatesWallAndDoor() {
        WallEnv env = new WallEnv(WallConfig.wallRandom(64));
        Frame f = env.render(new double[] {5, 5, 40.5, 20, 34});
        assertArrayEquals(new int[] {70, 110, 255}, rgb(f, 10, 40));
        assertArrayEquals(new int[] {70, 110, 255}, rgb(f, 50, 40));
        assertArrayEquals(new int[] {0, 0, 0}, rgb(f, 27, 40)); // the door
        assertArrayEquals(new int[] {0, 0, 0}, rgb(f, 40, 32)); // where the fixed wall would be
    }

    private static int[] rgb(Frame f, int i, int j) {
        return new int[] {f.get(i, j, 0), f.get(i, j, 1), f.get(i, j, 2)};
    }

    @Test
    void successHoldsJustInsideTheRadius() {
        WallEnv env = new WallEnv(WallConfig.tiny());
        env.resetTo(new double[] {10, 10}, new double[] {20, 20});
        assertTrue(env.isSuccess(new double[] {20 + 4.49, 20}));
        assertFalse(env.isSuccess(new double[] {20 + 4.51, 20}));
        assertFalse(env.isSuccess(new double[] {20 + 4.5, 20}));
        assertEquals(5.0, env.distanceToGoal(new double[] {23, 24}), 1e-12);
        env.resetTo(new double[] {20 - 5.5, 20}, new double[] {20, 20});
        StepResult r = env.step(new double[] {0.5, 0}); // lands 4.5 away: not yet
        assertFalse(r.success());
        assertEquals(-4.5, r.reward(), 1e-12);
        r = env.step(new double[] {0.01, 0});
        assertTrue(r.success());
        assertEquals(-env.distanceToGoal(env.state()), r.reward(), 1e-12);
    }

    @Test
    void resetSamplesGoalsAcrossTheWallAboutHalfTheTime() {
        for (WallConfig c : new WallConfig[] {WallConfig.wall(16), WallConfig.wallRandom(16)}) {
            WallEnv env = new WallEnv(c);
            int across = 0;
            double minWall = 64, maxWall = 0;
            for (long seed = 0; seed < 400; seed++) {
                env.reset(seed);
                double[] s = env.state(), g = env.goal();
                WallLayout l = env.layout(s);
                assertEquals(l, env.layout(g));
                across += (s[0] < l.wallX()) != (g[0] < l.wallX()) ? 1 : 0;
                assertTrue(env.distanceToGoal(s) >= 2 * c.successRadius());
                minWall = Math.min(minWall, l.wallX());
                maxWall = Math.max(maxWall, l.wallX());
                assertTrue(l.doorLo() >= 8 - 1e-9 && l.doorHi() <= 56 + 1e-9, "door within margins");
            }
            assertTrue(across > 160 && across < 240, c.id() + ": across " + across + "/400");
            if (c.randomLayout()) {
                assertTrue(minWall < 22 && maxWall > 42, "wall x spans its range: " + minWall + ".." + maxWall);
            } else {
                assertEquals(32, minWall);
            }
        }
    }

    @Test
    void badInputNamesTheField() {
        WallEnv env = new WallEnv(WallConfig.tiny());
        assertThrows(IllegalStateException.class, () -> env.step(new double[] {0, 0}));
        assertMessage("state: expected length 2", () -> env.resetTo(new double[] {1, 2, 3}, new double[] {10, 10}));
        assertMessage("goal[1] (y): expected a finite number", () -> env.resetTo(new double[] {10, 10}, new double[] {10, Double.NaN}));
        assertMessage("state[0] (x): expected 1.5..62.5, got 70.0", () -> env.resetTo(new double[] {70, 10}, new double[] {10, 10}));
        assertMessage("state[0..1] (x, y): expected a position clear of the wall", () -> env.resetTo(new double[] {32, 10}, new double[] {10, 10}));
        env.resetTo(new double[] {32, 32}, new double[] {10, 10}); // in the doorway: fine
        assertMessage("action: expected length 2, got 3", () -> env.step(new double[] {0, 0, 0}));
        assertMessage("action[0]: expected a finite number", () -> env.step(new double[] {Double.POSITIVE_INFINITY, 0}));
        assertMessage("state: expected length 2", () -> env.render(new double[] {1}));

        WallEnv random = new WallEnv(WallConfig.wallRandom(16));
        assertMessage("goal[2..4] (wall_x, door_lo, door_hi): expected the state's layout",
                () -> random.resetTo(new double[] {5, 5, 30, 20, 34}, new double[] {5, 5, 31, 20, 34}));
        assertMessage("state[2..4] (wall_x, door_lo, door_hi)",
                () -> random.resetTo(new double[] {5, 5, 30, 34, 20}, new double[] {5, 5, 30, 34, 20}));
        assertMessage("state: expected length 5", () -> random.resetTo(new double[] {5, 5}, new double[] {5, 5}));
    }

    static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' should contain '" + expected + "'");
    }
}

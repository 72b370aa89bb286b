package ai.foresight.datasets.worlds;

import static ai.foresight.datasets.worlds.WallEnvTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.datasets.env.StepResult;
import ai.foresight.datasets.image.Frame;
import ai.foresight.datasets.policy.PushTScriptConfig;
import ai.foresight.datasets.policy.PushTScriptedPolicy;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PushTEnvTest {
    private static final PushTConfig CONFIG = PushTConfig.tiny();

    @Test
    void blockStaysPutWhenTheAgentNeverTouchesIt() {
        PushTEnv env = new PushTEnv(CONFIG);
        double[] start = {60, 60, 380, 380, 0.3, 0, 0};
        env.resetTo(start, start);
        SplittableRandom random = new SplittableRandom(1);
        for (int t = 0; t < 150; t++) {
            double[] s = env.state();
            // random relative targets, turned back toward the corner when the agent strays past 180
            double ax = s[0] > 180 ? -60 : random.nextDouble(-60, 60);
            double ay = s[1] > 180 ? -60 : random.nextDouble(-60, 60);
            env.step(new double[] {ax, ay});
            double[] n = env.state();
            assertTrue(env.shape().distance(n[0], n[1], n[2], n[3], n[4]) > CONFIG.agentRadius(), "agent stays clear");
            assertEquals(380.0, n[2], 1e-9, "block x");
            assertEquals(380.0, n[3], 1e-9, "block y");
            assertEquals(0.3, n[4], 1e-9, "block angle");
        }
    }

    @Test
    void agentKineticEnergyNeverGrowsWithoutInput() {
        PushTEnv env = new PushTEnv(CONFIG);
        double[][] starts = {{100, 100, 380, 380, 0, 400, -250}, {250, 80, 250, 380, 1, -900, 30}};
        for (double[] start : starts) {
            env.resetTo(start, start);
            double energy = 0.5 * (start[5] * start[5] + start[6] * start[6]);
            for (int t = 0; t < 20; t++) {
                env.step(new double[] {0, 0});
                double[] s = env.state();
                double e = 0.5 * (s[5] * s[5] + s[6] * s[6]);
                assertTrue(e <= energy + 1e-9, "agent energy grew from " + energy + " to " + e);
                energy = e;
                assertArrayEquals(new double[] {start[2], start[3], start[4]}, new double[] {s[2], s[3], s[4]}, 1e-9);
            }
            assertTrue(energy < 1.0, "agent comes to rest, energy " + energy);
        }
    }

    @Test
    void blockKineticEnergyDecaysUnderDamping() {
        TBlockShape shape = new TBlockShape(CONFIG);
        PushTPhysics physics = new PushTPhysics(CONFIG, shape);
        physics.set(new double[] {40, 40, 256, 256, 0.2, 0, 0});
        physics.setBlockVelocity(120, -80, 2.0);
        double energy = physics.blockKineticEnergy();
        assertTrue(energy > 0);
        for (int t = 0; t < 30; t++) {
            physics.step(0, 0);
            double e = physics.blockKineticEnergy();
            assertTrue(e <= energy * (1 + 1e-9), "block energy grew from " + energy + " to " + e);
            energy = e;
        }
        assertTrue(energy < 1e-6 * 0.5 * 0.63 * (120 * 120 + 80 * 80), "block comes to rest, energy " + energy);
        double[] s = physics.state();
        assertTrue(s[2] > 256 && s[3] < 256, "block glided along its initial velocity");
    }

    @Test
    void pushingMovesTheBlockWithoutPassingThroughIt() {
        PushTEnv env = new PushTEnv(CONFIG);
        double[] start = {150, 256, 256, 256, Math.PI / 2, 0, 0}; // stem pointing left at the agent
        env.resetTo(start, start);
        double minGap = Double.POSITIVE_INFINITY;
        for (int t = 0; t < 12; t++) {
            env.step(new double[] {40, 0});
            double[] s = env.state();
            minGap = Math.min(minGap, env.shape().distance(s[0], s[1], s[2], s[3], s[4]));
        }
        double[] s = env.state();
        assertTrue(s[2] > 300, "block pushed to the right, x " + s[2]);
        assertTrue(s[0] < s[2], "agent still behind the block");
        assertTrue(minGap > CONFIG.agentRadius() - 3, "agent centre never deeper than 3 units into the block, gap " + minGap);
    }

    @Test
    void scriptedEpisodesKeepBodiesApartAndInside() {
        PushTEnv env = new PushTEnv(CONFIG);
        PushTScriptedPolicy policy = new PushTScriptedPolicy(PushTScriptConfig.defaults());
        for (long seed = 0; seed < 6; seed++) {
            env.reset(seed);
            policy.reset(env, seed);
            for (int t = 0; t < 60; t++) {
                env.step(policy.act(env));
                double[] s = env.state();
                assertTrue(env.shape().distance(s[0], s[1], s[2], s[3], s[4]) > CONFIG.agentRadius() - 5, "no deep overlap");
                assertTrue(s[2] > 0 && s[2] < 512 && s[3] > 0 && s[3] < 512, "block inside the world");
                assertTrue(s[0] >= 15 && s[0] <= 497 && s[1] >= 15 && s[1] <= 497, "agent inside the world");
            }
        }
    }

    @Test
    void sameSeedSameActionsSameStatesAndFrames() {
        PushTEnv a = new PushTEnv(PushTConfig.withSize(32));
        PushTEnv b = new PushTEnv(PushTConfig.withSize(32));
        assertEquals(a.reset(42).frame(), b.reset(42).frame());
        assertArrayEquals(a.goal(), b.goal());
        SplittableRandom random = new SplittableRandom(9);
        PushTScriptedPolicy policy = new PushTScriptedPolicy(PushTScriptConfig.defaults());
        policy.reset(a, 3);
        for (int t = 0; t < 40; t++) {
            double[] action = t % 2 == 0 ? policy.act(a) : new double[] {random.nextDouble(-60, 60), random.nextDouble(-60, 60)};
            StepResult ra = a.step(action);
            StepResult rb = b.step(action);
            assertArrayEquals(a.state(), b.state());
            assertEquals(ra.observation().frame(), rb.observation().frame());
        }
    }

    @Test
    void resetGoalIsAReachableStateThatMovedTheBlock() {
        PushTEnv env = new PushTEnv(CONFIG);
        int moved = 0;
        for (long seed = 0; seed < 12; seed++) {
            env.reset(seed);
            double[] s = env.state(), g = env.goal();
            assertFalse(env.isSuccess(s), "fresh episode not already solved");
            assertTrue(env.shape().distance(s[0], s[1], s[2], s[3], s[4]) >= CONFIG.agentRadius() + 10);
            moved += Math.hypot(s[2] - g[2], s[3] - g[3]) > 10 || PushTEnv.angleError(s, g) > 0.1 ? 1 : 0;
        }
        assertTrue(moved >= 10, "goals that moved the block: " + moved + "/12");
    }

    @Test
    void renderPutsAgentAndBlockWhereTheStateSays() {
        int size = 128;
        PushTEnv env = new PushTEnv(PushTConfig.withSize(size));
        double scale = size / 512.0;
        SplittableRandom random = new SplittableRandom(4);
        for (int k = 0; k < 10; k++) {
            double[] s = {random.nextDouble(30, 150), random.nextDouble(30, 480), random.nextDouble(300, 400),
                random.nextDouble(120, 400), random.nextDouble(-Math.PI, Math.PI), 0, 0};
            Frame f = env.render(s);
            double agent = 0, ax = 0, ay = 0, blockArea = 0, bx = 0, by = 0;
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < size; j++) {
                    int r = f.get(i, j, 0), b = f.get(i, j, 2);
                    boolean nearAgent = Math.hypot(j + 0.5 - s[0] * scale, i + 0.5 - s[1] * scale) < (15 + 8) * scale;
                    if (nearAgent) { // agent coverage from blue minus red: 0 on the floor, 160 on the agent
                        double blue = (b - r) / 160.0;
                        agent += blue;
                        ax += blue * (j + 0.5);
                        ay += blue * (i + 0.5);
                    } else { // block coverage from the red channel: 245 floor, 119 block
                        double c = (245 - r) / (245.0 - 119.0);
                        blockArea += c;
                        bx += c * (j + 0.5);
                        by += c * (i + 0.5);
                    }
                }
            }
            assertEquals(s[0] * scale, ax / agent, 0.3, "agent x");
            assertEquals(s[1] * scale, ay / agent, 0.3, "agent y");
            assertEquals(Math.PI * 15 * 15 * scale * scale, agent, 0.05 * Math.PI * 15 * 15 * scale * scale, "agent area");
            double area = (120 * 30 + 30 * 90) * scale * scale;
            assertEquals(area, blockArea, 0.02 * area, "T area in pixels");
            assertEquals(s[2] * scale, bx / blockArea, 0.3, "block centre of mass x");
            assertEquals(s[3] * scale, by / blockArea, 0.3, "block centre of mass y");
        }
    }

    @Test
    void successNeedsPositionAndAngle() {
        PushTEnv env = new PushTEnv(CONFIG);
        double[] goal = {200, 200, 300, 300, 0.5, 0, 0};
        env.resetTo(new double[] {100, 100, 300, 300, 0.5, 0, 0}, goal);
        assertTrue(env.isSuccess(new double[] {200, 200, 300 + 19.9, 300, 0.5, 50, 50}));
        assertFalse(env.isSuccess(new double[] {200, 200, 300 + 20.1, 300, 0.5, 0, 0}));
        assertTrue(env.isSuccess(new double[] {212, 200, 300, 312, 0.5, 0, 0})); // sqrt(288) ~ 16.97
        assertFalse(env.isSuccess(new double[] {215, 200, 300, 315, 0.5, 0, 0})); // sqrt(450) ~ 21.2
        assertTrue(env.isSuccess(new double[] {200, 200, 300, 300, 0.5 + Math.PI / 9 - 0.01, 0, 0}));
        assertFalse(env.isSuccess(new double[] {200, 200, 300, 300, 0.5 - Math.PI / 9 - 0.01, 0, 0}));
        assertTrue(env.isSuccess(new double[] {200, 200, 300, 300, 0.5 + 2 * Math.PI, 0, 0}), "angles compare modulo 2 pi");
        assertEquals(Math.toDegrees(0.3), env.distanceToGoal(new double[] {200, 200, 300, 300, 0.8, 0, 0}), 1e-9);
        assertEquals(5.0, env.distanceToGoal(new double[] {203, 204, 300, 300, 0.5, 0, 0}), 1e-9);
    }

    @Test
    void resetToWrapsTheAngleAndChecksInput() {
        PushTEnv env = new PushTEnv(CONFIG);
        double[] ok = {100, 100, 300, 300, 0, 0, 0};
        env.resetTo(new double[] {100, 100, 300, 300, 7.0, 0, 0}, ok);
        assertEquals(7.0 - 2 * Math.PI, env.state()[4], 1e-12);
        assertMessage("state: expected length 7", () -> env.resetTo(new double[] {1, 2, 3, 4, 5, 6}, ok));
        assertMessage("state[0] (agent_x): expected 15.0..497.0, got 600.0", () -> env.resetTo(new double[] {600, 100, 300, 300, 0, 0, 0}, ok));
        assertMessage("goal[4] (block_angle): expected a finite number", () -> env.resetTo(ok, new double[] {100, 100, 300, 300, Double.NaN, 0, 0}));
        assertMessage("goal[3] (block_y): expected 0.0..512.0", () -> env.resetTo(ok, new double[] {100, 100, 300, -4, 0, 0, 0}));
        assertMessage("state[6] (agent_vy): expected -2000.0..2000.0", () -> env.resetTo(new double[] {100, 100, 300, 300, 0, 0, 1e4}, ok));
        assertMessage("action: expected length 2, got 0", () -> env.step(new double[0]));
        assertArrayEquals(new float[] {1, 2, 6, 7}, env.proprio(new double[] {1, 2, 3, 4, 5, 6, 7}));
    }
}

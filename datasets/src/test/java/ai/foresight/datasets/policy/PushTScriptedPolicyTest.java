package ai.foresight.datasets.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.datasets.worlds.PushTConfig;
import ai.foresight.datasets.worlds.PushTEnv;
import ai.foresight.datasets.worlds.Worlds;
import org.junit.jupiter.api.Test;

class PushTScriptedPolicyTest {

    @Test
    void scriptedPushesMoveAndTurnTheBlockWithinBounds() {
        PushTEnv env = new PushTEnv(PushTConfig.tiny());
        PushTScriptedPolicy policy = new PushTScriptedPolicy(PushTScriptConfig.defaults());
        int moved = 0, turned = 0, episodes = 10;
        for (long episode = 0; episode < episodes; episode++) {
            env.reset(episode);
            policy.reset(env, episode);
            double[] start = env.state();
            double maxTurn = 0;
            for (int t = 0; t < 60; t++) {
                double[] a = policy.act(env);
                assertTrue(Math.abs(a[0]) <= 60 && Math.abs(a[1]) <= 60, "action within [-60, 60]^2");
                env.step(a);
                maxTurn = Math.max(maxTurn, PushTEnv.angleError(start, env.state()));
            }
            double[] end = env.state();
            moved += Math.hypot(end[2] - start[2], end[3] - start[3]) > 40 ? 1 : 0;
            turned += maxTurn > 0.2 ? 1 : 0;
        }
        assertTrue(moved >= 8, "episodes that moved the block 40 units: " + moved + "/" + episodes);
        assertTrue(turned >= 5, "episodes that turned the block: " + turned + "/" + episodes);
    }

    @Test
    void randomPolicyCoversTheActionBox() {
        PushTEnv env = new PushTEnv(PushTConfig.tiny());
        UniformRandomPolicy policy = new UniformRandomPolicy();
        env.reset(0);
        policy.reset(env, 0);
        double min = 0, max = 0;
        for (int t = 0; t < 500; t++) {
            double[] a = policy.act(env);
            assertTrue(Math.abs(a[0]) <= 60 && Math.abs(a[1]) <= 60);
            min = Math.min(min, Math.min(a[0], a[1]));
            max = Math.max(max, Math.max(a[0], a[1]));
        }
        assertTrue(min < -55 && max > 55, "range " + min + ".." + max);
    }

    @Test
    void sameSeedSameActionsAndOnlyPushT() {
        PushTEnv a = new PushTEnv(PushTConfig.tiny());
        PushTEnv b = new PushTEnv(PushTConfig.tiny());
        PushTScriptedPolicy pa = new PushTScriptedPolicy(PushTScriptConfig.defaults());
        PushTScriptedPolicy pb = new PushTScriptedPolicy(PushTScriptConfig.defaults());
        a.reset(8);
        b.reset(8);
        pa.reset(a, 2);
        pb.reset(b, 2);
        for (int t = 0; t < 30; t++) {
            double[] x = pa.act(a), y = pb.act(b);
            assertArrayEquals(x, y);
            a.step(x);
            b.step(y);
        }
        assertThrows(IllegalArgumentException.class, () -> pa.reset(Worlds.create("wall", 16), 0));
        assertThrows(IllegalArgumentException.class, () -> new PushTScriptConfig(25, 30, 5, 4, 128, 25, 4, 25, 10));
    }
}

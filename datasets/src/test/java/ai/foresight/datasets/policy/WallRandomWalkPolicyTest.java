package ai.foresight.datasets.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.datasets.env.Env;
import ai.foresight.datasets.worlds.WallConfig;
import ai.foresight.datasets.worlds.WallEnv;
import ai.foresight.datasets.worlds.WallLayout;
import ai.foresight.datasets.worlds.Worlds;
import org.junit.jupiter.api.Test;

class WallRandomWalkPolicyTest {

    @Test
    void walkStaysInBoundsWithDinoWmStepStatistics() {
        WallEnv env = new WallEnv(WallConfig.tiny());
        WallRandomWalkPolicy policy = new WallRandomWalkPolicy(RandomWalkConfig.dinoWm());
        double sum = 0, sumSq = 0;
        int n = 0;
        for (long episode = 0; episode < 40; episode++) {
            env.reset(episode);
            policy.reset(env, episode);
            for (int t = 0; t < 50; t++) {
                double[] a = policy.act(env);
                assertTrue(Math.abs(a[0]) <= 2 && Math.abs(a[1]) <= 2, "action within [-2, 2]^2");
                double m = Math.hypot(a[0], a[1]);
                sum += m;
                sumSq += m * m;
                n++;
                env.step(a);
            }
        }
        double mean = sum / n, std = Math.sqrt(sumSq / n - mean * mean);
        assertEquals(1.0, mean, 0.05, "mean step magnitude");
        assertEquals(0.4, std, 0.05, "step magnitude spread");
    }

    @Test
    void walkCrossesTheDoorInSomeEpisodes() {
        for (String id : new String[] {"wall", "wall-random"}) {
            Env env = Worlds.create(id, 16);
            CollectionPolicy policy = Worlds.collectionPolicy(id);
            int crossed = 0, episodes = 300;
            for (long episode = 0; episode < episodes; episode++) {
                env.reset(episode);
                policy.reset(env, 1000 + episode);
                WallLayout layout = ((WallEnv) env).layout(env.state());
                boolean left = env.state()[0] < layout.wallX();
                boolean didCross = false;
                for (int t = 0; t < 50; t++) {
                    env.step(policy.act(env));
                    didCross |= (env.state()[0] < layout.wallX()) != left;
                }
                crossed += didCross ? 1 : 0;
            }
            double fraction = crossed / (double) episodes;
            assertTrue(fraction > 0.03 && fraction < 0.6, id + ": crossing fraction " + fraction);
        }
    }

    @Test
    void turnsAroundWhenBlocked() {
        WallEnv env = new WallEnv(WallConfig.tiny());
        WallRandomWalkPolicy policy = new WallRandomWalkPolicy(new RandomWalkConfig(1.5, 0.0, 0.0, 0.5, 0.0, 0.0, 1.0));
        int stuck = 0;
        for (long seed = 0; seed < 20; seed++) {
            env.resetTo(new double[] {10, 10}, new double[] {50, 50});
            policy.reset(env, seed);
            double[] previous = env.state();
            for (int t = 0; t < 80; t++) {
                env.step(policy.act(env));
                double[] s = env.state();
                stuck += Math.hypot(s[0] - previous[0], s[1] - previous[1]) < 1e-6 ? 1 : 0;
                previous = s;
            }
        }
        // without turning, a noiseless straight walk would sit against a wall for most of its 80 steps
        assertTrue(stuck < 20 * 10, "steps without motion: " + stuck);
    }

    @Test
    void pressingOnRecordsLongerContactsWithTheWall() {
        double published = blockedFraction(RandomWalkConfig.dinoWm());
        double pressing = blockedFraction(RandomWalkConfig.defaults());
        assertTrue(published > 0.005, "the published walk meets walls too: " + published);
        assertTrue(pressing > 2.5 * published, "blocked steps: pressing on " + pressing + " vs turning at once " + published);
    }

    @Test
    void jitterMakesConsecutiveActionsDiffer() {
        double smooth = meanStepChange(RandomWalkConfig.dinoWm());
        double jittered = meanStepChange(RandomWalkConfig.defaults());
        // smooth: only the magnitude redraw (sd 0.4) and 0.2 rad of heading change; jitter adds a N(0, 0.5² · 2) difference
        // per component, whose norm alone averages 0.89
        assertTrue(smooth > 0.3 && smooth < 0.7, "the published walk: " + smooth);
        assertTrue(jittered > 1.6 * smooth, "jitter of 0.5 per component: " + jittered + " vs " + smooth);
    }

    /** Mean |a_t − a_{t−1}| over 40 episodes of 50 steps, away from walls and borders (a clean room, no turns). */
    private static double meanStepChange(RandomWalkConfig config) {
        WallEnv env = new WallEnv(WallConfig.defaults());
        WallRandomWalkPolicy policy = new WallRandomWalkPolicy(config);
        double sum = 0;
        int n = 0;
        for (long episode = 0; episode < 40; episode++) {
            env.reset(episode);
            policy.reset(env, episode);
            double[] previous = null;
            for (int t = 0; t < 50; t++) {
                double[] a = policy.act(env);
                double[] s = env.state();
                env.step(a);
                boolean free = Math.abs(env.state()[0] - s[0] - 2 * a[0]) < 1e-9 && Math.abs(env.state()[1] - s[1] - 2 * a[1]) < 1e-9;
                if (previous != null && free) {
                    sum += Math.hypot(a[0] - previous[0], a[1] - previous[1]);
                    n++;
                }
                previous = free ? a : null;
            }
        }
        return sum / n;
    }

    /** Share of steps whose motion fell short of half the displacement asked for, over 40 episodes of 50 steps. */
    private static double blockedFraction(RandomWalkConfig config) {
        return meanOverWalk(config, 40, (s, a, next) ->
                Math.hypot(next[0] - s[0], next[1] - s[1]) < Math.hypot(a[0], a[1]) ? 1 : 0);
    }

    /** What one step of the walk is scored by: the state before, the action, the state after. */
    private interface StepScore {
        double score(double[] before, double[] action, double[] after);
    }

    /** The mean score over every step of {@code episodes} walks of 50 steps in the default Wall world. */
    private static double meanOverWalk(RandomWalkConfig config, int episodes, StepScore score) {
        WallEnv env = new WallEnv(WallConfig.defaults());
        WallRandomWalkPolicy policy = new WallRandomWalkPolicy(config);
        double sum = 0;
        int n = 0;
        for (long episode = 0; episode < episodes; episode++) {
            env.reset(episode);
            policy.reset(env, episode);
            for (int t = 0; t < 50; t++) {
                double[] s = env.state();
                double[] a = policy.act(env);
                env.step(a);
                sum += score.score(s, a, env.state());
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void sameSeedSameActionsAndOnlyWallWorlds() {
        WallEnv a = new WallEnv(WallConfig.tiny());
        WallEnv b = new WallEnv(WallConfig.tiny());
        WallRandomWalkPolicy pa = new WallRandomWalkPolicy(RandomWalkConfig.defaults());
        WallRandomWalkPolicy pb = new WallRandomWalkPolicy(RandomWalkConfig.defaults());
        a.reset(1);
        b.reset(1);
        pa.reset(a, 5);
        pb.reset(b, 5);
        for (int t = 0; t < 30; t++) {
            double[] x = pa.act(a), y = pb.act(b);
            assertArrayEquals(x, y);
            a.step(x);
            b.step(y);
        }
        assertThrows(IllegalArgumentException.class, () -> pa.reset(Worlds.create("pusht", 16), 1));
        assertThrows(IllegalArgumentException.class, () -> new RandomWalkConfig(1, 0.4, 0.2, 1.5, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new RandomWalkConfig(1, 0.4, 0.2, 0.5, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new RandomWalkConfig(1, 0.4, 0.2, 0.5, 0, -0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> new RandomWalkConfig(1, 0.4, 0.2, 0.5, 0, 0, 0.9));
    }

    @Test
    void episodeSpeedsReachTheActionBound() {
        double oneSpeed = fractionNearBound(RandomWalkConfig.defaults());
        double spread = fractionNearBound(RandomWalkConfig.manySpeeds());
        // one speed: |a_i| >= 1.8 needs magnitude and jitter together well above the mean; at 3x an episode's mean
        // magnitude alone is past it along the axes
        assertTrue(oneSpeed < 0.05, "one speed, components near the bound: " + oneSpeed);
        assertTrue(spread > 3 * oneSpeed, "speeds 0.33x..3x: " + spread + " vs one speed " + oneSpeed);
    }

    /** Fraction of action components with |a_i| >= 1.8 (the bound is 2) over 60 episodes of 50 steps. */
    private static double fractionNearBound(RandomWalkConfig config) {
        return meanOverWalk(config, 60, (s, a, next) -> ((Math.abs(a[0]) >= 1.8 ? 1 : 0) + (Math.abs(a[1]) >= 1.8 ? 1 : 0)) / 2.0);
    }
}

package ai.foresight.datasets.policy;

import ai.foresight.datasets.env.Env;
import ai.foresight.datasets.worlds.WallEnv;
import java.util.SplittableRandom;

/**
 * The Wall world's collection policy: a persistent random walk. The heading drifts by Gaussian noise
 * every step, the step magnitude is Gaussian around its mean, and when the wall or the border stops
 * the dot the walk turns back, at once or after pressing on for a few steps
 * ({@link RandomWalkConfig#pushOnProbability}), and each action is jittered by independent noise
 * ({@link RandomWalkConfig#actionNoise}). Trajectories therefore sweep each room, cross the door now and
 * then, as in DINO-WM's Wall data (Zhou et al., 2024), show the wall stopping the dot, and cover uneven
 * action sequences like the ones a planner samples. Optionally each episode walks at its own speed
 * ({@link RandomWalkConfig#speedRange}), which also covers the fast sequences at the action bound.
 */
public final class WallRandomWalkPolicy implements CollectionPolicy {
    private final RandomWalkConfig config;
    private SplittableRandom random;
    private double heading;
    private double[] lastXy;
    private double lastIntended;
    private double speed;

    public WallRandomWalkPolicy(RandomWalkConfig config) {
        this.config = config;
    }

    @Override
    public void reset(Env env, long seed) {
        if (!(env instanceof WallEnv)) {
            throw new IllegalArgumentException("env: expected a wall or wall-random world, got " + env.spec().name());
        }
        random = new SplittableRandom(seed);
        heading = random.nextDouble(0, 2 * Math.PI);
        // r = 1 draws nothing, so the published walk's random stream is unchanged
        speed = config.speedRange() > 1 ? Math.pow(config.speedRange(), random.nextDouble(-1, 1)) : 1.0;
        lastXy = null;
    }

    @Override
    public double[] act(Env env) {
        if (random == null) {
            throw new IllegalStateException("policy: call reset(env, seed) before act(env)");
        }
        double[] s = env.state();
        if (lastXy != null) {
            double moved = Math.hypot(s[0] - lastXy[0], s[1] - lastXy[1]);
            boolean blocked = moved < config.blockedRatio() * lastIntended;
            // p = 0 draws nothing, so the published walk's random stream is unchanged
            boolean pushOn = blocked && config.pushOnProbability() > 0 && random.nextDouble() < config.pushOnProbability();
            if (blocked && !pushOn) {
                heading += Math.PI + random.nextDouble(-Math.PI / 2, Math.PI / 2);
            }
        }
        heading += config.headingNoise() * random.nextGaussian();
        double magnitude = Math.max(0.0, speed * (config.stepMean() + config.stepStd() * random.nextGaussian()));
        double[] a = {magnitude * Math.cos(heading), magnitude * Math.sin(heading)};
        if (config.actionNoise() > 0) { // no draws at 0: the published walk's random stream is unchanged
            a[0] += config.actionNoise() * random.nextGaussian();
            a[1] += config.actionNoise() * random.nextGaussian();
        }
        a = env.spec().clip(a);
        lastXy = new double[] {s[0], s[1]};
        lastIntended = 2 * Math.hypot(a[0], a[1]);
        return a;
    }
}

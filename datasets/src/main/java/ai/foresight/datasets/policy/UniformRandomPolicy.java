package ai.foresight.datasets.policy;

import ai.foresight.datasets.env.Env;
import ai.foresight.datasets.env.EnvSpec;
import java.util.SplittableRandom;

/** Actions drawn independently and uniformly from the world's action box, for any world. */
public final class UniformRandomPolicy implements CollectionPolicy {
    private SplittableRandom random;

    @Override
    public void reset(Env env, long seed) {
        random = new SplittableRandom(seed);
    }

    @Override
    public double[] act(Env env) {
        if (random == null) {
            throw new IllegalStateException("policy: call reset(env, seed) before act(env)");
        }
        EnvSpec spec = env.spec();
        double[] lo = spec.actionLow();
        double[] hi = spec.actionHigh();
        double[] a = new double[lo.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextDouble(lo[i], hi[i]);
        }
        return a;
    }
}

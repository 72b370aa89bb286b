package ai.foresight.datasets.generate;

import ai.foresight.datasets.env.Env;
import ai.foresight.datasets.policy.CollectionPolicy;
import java.util.SplittableRandom;

/** A test collection policy: a seeded random walk with momentum, inside the action bounds. */
public final class WigglePolicy implements CollectionPolicy {
    private SplittableRandom random = new SplittableRandom(0);
    private double[] last = new double[2];

    @Override
    public void reset(Env env, long seed) {
        random = new SplittableRandom(seed);
        last = new double[env.spec().actionDim()];
    }

    @Override
    public double[] act(Env env) {
        double[] a = new double[last.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.max(-1, Math.min(1, 0.7 * last[i] + 0.6 * (2 * random.nextDouble() - 1)));
        }
        last = a;
        return a.clone();
    }
}

package ai.foresight.datasets.store;

import java.util.SplittableRandom;

/** Seeded random episodes of a given layout, for store and sampler tests. */
public final class TestEpisodes {
    private TestEpisodes() {}

    public static EpisodeLayout layout(boolean withClean) {
        return new EpisodeLayout(6, 8, 10, 2, 3, 2, withClean);
    }

    public static Episode random(EpisodeLayout l, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int t = l.steps();
        byte[] obs = new byte[t * l.height() * l.width() * 3];
        for (int i = 0; i < obs.length; i++) {
            obs[i] = (byte) r.nextInt(256);
        }
        byte[] clean = null;
        if (l.withClean()) {
            clean = new byte[obs.length];
            for (int i = 0; i < clean.length; i++) {
                clean[i] = (byte) r.nextInt(256);
            }
        }
        float[] action = new float[t * l.actionDim()];
        for (int i = 0; i < action.length; i++) {
            action[i] = (float) (r.nextDouble() * 2 - 1);
        }
        float[] proprio = new float[t * l.proprioDim()];
        for (int i = 0; i < proprio.length; i++) {
            proprio[i] = (float) (r.nextGaussian() * 5 + 3);
        }
        double[] state = new double[t * l.stateDim()];
        for (int i = 0; i < state.length; i++) {
            state[i] = r.nextGaussian() * 1e3;
        }
        float[] reward = new float[t];
        for (int i = 0; i < t; i++) {
            reward[i] = (float) -r.nextDouble();
        }
        return new Episode(t, l.height(), l.width(), obs, clean, l.actionDim(), action, l.proprioDim(), proprio,
                l.stateDim(), state, reward);
    }
}

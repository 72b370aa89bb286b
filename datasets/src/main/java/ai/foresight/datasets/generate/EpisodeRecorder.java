package ai.foresight.datasets.generate;

import ai.foresight.datasets.env.Env;
import ai.foresight.datasets.env.EnvSpec;
import ai.foresight.datasets.env.Observation;
import ai.foresight.datasets.image.Frame;
import ai.foresight.datasets.policy.CollectionPolicy;
import ai.foresight.datasets.shift.DistractedEnv;
import ai.foresight.datasets.store.Episode;
import ai.foresight.datasets.store.EpisodeLayout;

/**
 * Rolls one world with one policy into an {@link Episode}, reusing its buffers from episode to
 * episode (one recorder per worker thread).
 *
 * <p>Row t holds frame t, the proprio and state it shows, the reward of that state (the negative
 * distance to the goal, aligned with the frame) and the action the policy took after seeing it,
 * clipped to the action bounds and rounded to float32 before it is executed, so that replaying the
 * stored actions from the episode's seed reproduces the stored states exactly. T frames need T-1
 * steps: the last action is chosen but not executed.
 */
final class EpisodeRecorder {
    private final Env env;
    private final CollectionPolicy policy;
    private final EpisodeLayout layout;
    private final EnvSpec spec;
    private final byte[] obs;
    private final byte[] clean;
    private final float[] action;
    private final float[] proprio;
    private final double[] state;
    private final float[] reward;

    EpisodeRecorder(Env env, CollectionPolicy policy, EpisodeLayout layout) {
        if (layout.withClean() && !(env instanceof DistractedEnv)) {
            throw new IllegalArgumentException("env: clean frames need a DistractedEnv, got " + env.getClass().getSimpleName());
        }
        this.env = env;
        this.policy = policy;
        this.layout = layout;
        this.spec = env.spec();
        int t = layout.steps();
        int frame = layout.height() * layout.width() * 3;
        obs = new byte[t * frame];
        clean = layout.withClean() ? new byte[t * frame] : null;
        action = new float[t * layout.actionDim()];
        proprio = new float[t * layout.proprioDim()];
        state = new double[t * layout.stateDim()];
        reward = new float[t];
    }

    /**
     * Records the episode that {@code env.reset(episodeSeed)} starts. The result shares this
     * recorder's buffers: it is valid until the next call.
     *
     * @throws IllegalStateException naming the world if it or its policy breaks the Env contract
     *     (wrong frame size, vector length, or a non-finite action)
     */
    Episode record(long episodeSeed) {
        Observation o = env.reset(episodeSeed);
        // Collection policies are privileged and read the world's state, not the camera: they act on
        // the undistracted world, which shares state and dynamics with the distracted view.
        Env world = env instanceof DistractedEnv distracted ? distracted.inner() : env;
        policy.reset(world, EpisodeSeeds.policy(episodeSeed));
        int steps = layout.steps();
        int a = layout.actionDim();
        int p = layout.proprioDim();
        int s = layout.stateDim();
        for (int t = 0; t < steps; t++) {
            copyFrame(o.frame(), obs, t, "frame");
            if (clean != null) {
                copyFrame(((DistractedEnv) env).cleanObservation().frame(), clean, t, "clean frame");
            }
            float[] pr = o.proprio();
            requireLength("proprio", pr.length, p);
            System.arraycopy(pr, 0, proprio, t * p, p);
            double[] st = env.state();
            requireLength("state", st.length, s);
            System.arraycopy(st, 0, state, t * s, s);
            reward[t] = (float) env.reward();
            double[] act = policy.act(world);
            double[] clipped;
            try {
                clipped = spec.clip(act);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("collection policy of world '" + spec.name() + "' at step " + t + ": "
                        + e.getMessage(), e);
            }
            for (int k = 0; k < a; k++) {
                action[t * a + k] = (float) clipped[k];
                clipped[k] = action[t * a + k];
            }
            if (t + 1 < steps) {
                o = env.step(clipped).observation();
            }
        }
        return new Episode(steps, layout.height(), layout.width(), obs, clean, a, action, p, proprio, s, state, reward);
    }

    private void copyFrame(Frame f, byte[] into, int t, String what) {
        if (f.height() != layout.height() || f.width() != layout.width()) {
            throw new IllegalStateException("world '" + spec.name() + "' " + what + ": expected " + layout.height() + "x"
                    + layout.width() + ", got " + f.height() + "x" + f.width());
        }
        int n = f.data().length;
        System.arraycopy(f.data(), 0, into, t * n, n);
    }

    private void requireLength(String field, int actual, int expected) {
        if (actual != expected) {
            throw new IllegalStateException("world '" + spec.name() + "' " + field + ": expected length " + expected
                    + ", got " + actual);
        }
    }
}

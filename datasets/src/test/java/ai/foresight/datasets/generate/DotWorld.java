package ai.foresight.datasets.generate;

import ai.foresight.datasets.env.Env;
import ai.foresight.datasets.env.EnvSpec;
import ai.foresight.datasets.env.Observation;
import ai.foresight.datasets.env.StepResult;
import ai.foresight.datasets.image.Frame;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A tiny deterministic test world: a square agent at (x, y) on a flat background, a fixed grey
 * pillar, an action in [-1, 1]^2 moving the agent by 2·a, clipped to the canvas. State (x, y),
 * proprio (x, y) as floats. Rendering costs about what the Wall world's does, so it also serves the
 * store's throughput measurement.
 */
public final class DotWorld implements Env {
    /** The background colour (R, G, B) that distractors replace. */
    public static final int[] BACKGROUND = {20, 30, 60};

    private final EnvSpec spec;
    private final int size;
    private final byte[] backgroundTemplate;
    private double[] state = new double[2];
    private double[] goal = new double[2];
    private int resets;

    public DotWorld(int size) {
        this.size = size;
        this.spec = new EnvSpec("dot", size, size, new double[] {-1, -1}, new double[] {1, 1}, List.of("x", "y"),
                List.of("x", "y"), 1.5);
        this.backgroundTemplate = new byte[size * size * 3];
        for (int p = 0; p < size * size; p++) {
            backgroundTemplate[3 * p] = (byte) BACKGROUND[0];
            backgroundTemplate[3 * p + 1] = (byte) BACKGROUND[1];
            backgroundTemplate[3 * p + 2] = (byte) BACKGROUND[2];
        }
    }

    /** How many times {@link #reset} ran (to count regenerated episodes). */
    public int resets() {
        return resets;
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public Observation reset(long seed) {
        resets++;
        SplittableRandom r = new SplittableRandom(seed);
        state = new double[] {2 + r.nextDouble() * (size - 4), 2 + r.nextDouble() * (size - 4)};
        goal = new double[] {2 + r.nextDouble() * (size - 4), 2 + r.nextDouble() * (size - 4)};
        return observe();
    }

    @Override
    public Observation resetTo(double[] s, double[] g) {
        if (s.length != 2 || g.length != 2) {
            throw new IllegalArgumentException("state: expected length 2, got " + s.length);
        }
        state = s.clone();
        goal = g.clone();
        return observe();
    }

    @Override
    public StepResult step(double[] action) {
        double[] a = spec.clip(action);
        state[0] = Math.max(0, Math.min(size - 1, state[0] + 2 * a[0]));
        state[1] = Math.max(0, Math.min(size - 1, state[1] + 2 * a[1]));
        return new StepResult(observe(), reward(), isSuccess(state));
    }

    @Override
    public Observation observe() {
        return observeState(state);
    }

    @Override
    public double[] state() {
        return state.clone();
    }

    @Override
    public double[] goal() {
        return goal.clone();
    }

    @Override
    public Frame render(double[] s) {
        byte[] px = backgroundTemplate.clone();
        Frame f = new Frame(size, size, px);
        int pillar = size / 4;
        for (int y = size / 2; y < size / 2 + size / 8; y++) {
            for (int x = pillar; x < pillar + size / 8; x++) {
                f.set(y, x, 128, 128, 128);
            }
        }
        int cx = (int) Math.round(s[0]);
        int cy = (int) Math.round(s[1]);
        for (int y = Math.max(0, cy - 2); y <= Math.min(size - 1, cy + 2); y++) {
            for (int x = Math.max(0, cx - 2); x <= Math.min(size - 1, cx + 2); x++) {
                f.set(y, x, 255, 90, 40);
            }
        }
        return f;
    }

    @Override
    public float[] proprio(double[] s) {
        return new float[] {(float) s[0], (float) s[1]};
    }

    @Override
    public double distanceToGoal(double[] s) {
        return Math.hypot(s[0] - goal[0], s[1] - goal[1]);
    }

    @Override
    public boolean isSuccess(double[] s) {
        return distanceToGoal(s) < spec.successThreshold();
    }
}

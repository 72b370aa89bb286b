package ai.foresight.datasets.shift;

import ai.foresight.datasets.env.Env;
import ai.foresight.datasets.env.EnvSpec;
import ai.foresight.datasets.env.Observation;
import ai.foresight.datasets.env.StepResult;
import ai.foresight.datasets.image.Frame;

/**
 * Any world seen through a {@link ShiftStack}: states, dynamics, rewards and proprio are the wrapped
 * world's, frames are shifted. The clean frame of the same state stays available
 * ({@link #cleanObservation()}, {@link #cleanRender}), so datasets can store paired {@code obs} /
 * {@code obs_clean} for alignment (RePo's paired L2 term) and evaluation.
 *
 * <p>The distractors' clock counts control steps since the last {@link #reset} or {@link #resetTo};
 * {@link #render} draws a state as it would look at the current clock. Each reset draws new
 * distractor parameters from the episode seed, so {@code reset(seed)} plus the same actions gives
 * the same frames, bit for bit. {@link #resetTo} keeps the episode's distractors and restarts the clock.
 */
public final class DistractedEnv implements Env {
    private final Env inner;
    private final ShiftStack shifts;
    private int clock;
    private long episodeSeed;
    private boolean started;
    private Observation clean;

    public DistractedEnv(Env inner, ShiftStack shifts) {
        if (inner == null || shifts == null) {
            throw new IllegalArgumentException("inner, shifts: expected a world and a shift stack");
        }
        this.inner = inner;
        this.shifts = shifts;
    }

    /** The wrapped, undistracted world. */
    public Env inner() {
        return inner;
    }

    public ShiftStack shifts() {
        return shifts;
    }

    /** Control steps since the last reset: the distractors' time. */
    public int clock() {
        return clock;
    }

    @Override
    public EnvSpec spec() {
        return inner.spec();
    }

    @Override
    public Observation reset(long seed) {
        clean = inner.reset(seed);
        episodeSeed = seed;
        shifts.reset(seed, clean.frame());
        started = true;
        clock = 0;
        return distract(clean);
    }

    @Override
    public Observation resetTo(double[] state, double[] goal) {
        clean = inner.resetTo(state, goal);
        if (!started) {
            shifts.reset(episodeSeed, clean.frame());
            started = true;
        }
        clock = 0;
        return distract(clean);
    }

    @Override
    public StepResult step(double[] action) {
        StepResult r = inner.step(action);
        clock++;
        clean = r.observation();
        return new StepResult(distract(clean), r.reward(), r.success());
    }

    /** The inner world's: distractors and shifts change what the camera sees, never the dynamics. */
    @Override
    public double[] transition(double[] state, double[] action) {
        return inner.transition(state, action);
    }

    @Override
    public Observation observe() {
        clean = inner.observe();
        return distract(clean);
    }

    /**
     * The clean observation of the current state (what the wrapped world returned at the last
     * reset, step or observe), without re-rendering.
     */
    public Observation cleanObservation() {
        requireStarted();
        return clean;
    }

    /** The clean frame of any state, as the wrapped world renders it. */
    public Frame cleanRender(double[] state) {
        return inner.render(state);
    }

    /** {@code state} rendered and shifted as at the current clock. */
    @Override
    public Frame render(double[] state) {
        requireStarted();
        return shifts.apply(inner.render(state), clock);
    }

    private Observation distract(Observation o) {
        return new Observation(shifts.apply(o.frame(), clock), o.proprio());
    }

    private void requireStarted() {
        if (!started) {
            throw new IllegalStateException("DistractedEnv: call reset(seed) first");
        }
    }

    @Override
    public double[] state() {
        return inner.state();
    }

    @Override
    public double[] goal() {
        return inner.goal();
    }

    @Override
    public float[] proprio(double[] state) {
        return inner.proprio(state);
    }

    @Override
    public double distanceToGoal(double[] state) {
        return inner.distanceToGoal(state);
    }

    @Override
    public boolean isSuccess(double[] state) {
        return inner.isSuccess(state);
    }

    @Override
    public double reward() {
        return inner.reward();
    }
}

package ai.foresight.datasets.worlds;

import ai.foresight.datasets.env.Env;
import ai.foresight.datasets.env.EnvSpec;
import ai.foresight.datasets.env.Observation;
import ai.foresight.datasets.env.StepResult;
import ai.foresight.datasets.image.Frame;

/**
 * The episode bookkeeping every built-in world shares: holding the current state and goal, clipping
 * actions, checking vectors before they reach the physics, and the dense reward (negative distance).
 * A subclass supplies the world itself: how an episode is sampled, how a state advances, how it is
 * drawn, what counts as a valid state and how far a state is from the goal.
 *
 * <p>Not thread-safe: one environment serves one episode at a time.
 */
abstract class AbstractWorld implements Env {
    private final EnvSpec spec;
    private double[] state;
    private double[] goal;

    protected AbstractWorld(EnvSpec spec) {
        this.spec = spec;
    }

    /** A start and a goal state sampled together. */
    protected record Episode(double[] start, double[] goal) {}

    @Override
    public final EnvSpec spec() {
        return spec;
    }

    @Override
    public final Observation reset(long seed) {
        Episode e = sampleEpisode(seed);
        install(e.start(), e.goal());
        return observe();
    }

    @Override
    public final Observation resetTo(double[] newState, double[] newGoal) {
        StateChecks.requireVector("state", newState, spec.stateNames());
        StateChecks.requireVector("goal", newGoal, spec.stateNames());
        validateState("state", newState);
        validateState("goal", newGoal);
        validatePair(newState, newGoal);
        install(canonical(newState), canonical(newGoal));
        return observe();
    }

    @Override
    public final StepResult step(double[] action) {
        requireEpisode();
        double[] clipped = spec.clip(action);
        state = advance(state, clipped);
        Observation observation = observeState(state);
        double d = distance(state, goal);
        return new StepResult(observation, -d, d < spec.successThreshold());
    }

    /** A stateful simulator is loaded with {@code s}, stepped, and loaded with the episode's own state again. */
    @Override
    public final double[] transition(double[] s, double[] action) {
        StateChecks.requireVector("state", s, spec.stateNames());
        double[] clipped = spec.clip(action);
        load(s);
        double[] next = advance(s.clone(), clipped);
        if (state != null) {
            load(state);
        }
        return next;
    }

    @Override
    public final Observation observe() {
        requireEpisode();
        return observeState(state);
    }

    @Override
    public final double[] state() {
        requireEpisode();
        return state.clone();
    }

    @Override
    public final double[] goal() {
        requireEpisode();
        return goal.clone();
    }

    @Override
    public final Frame render(double[] s) {
        StateChecks.requireVector("state", s, spec.stateNames());
        return draw(s);
    }

    @Override
    public final float[] proprio(double[] s) {
        StateChecks.requireVector("state", s, spec.stateNames());
        return proprioOf(s);
    }

    @Override
    public final double distanceToGoal(double[] s) {
        requireEpisode();
        StateChecks.requireVector("state", s, spec.stateNames());
        return distance(s, goal);
    }

    @Override
    public final boolean isSuccess(double[] s) {
        return distanceToGoal(s) < spec.successThreshold();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + spec + "]";
    }

    private void install(double[] start, double[] target) {
        load(start);
        state = start.clone();
        goal = target.clone();
    }

    private void requireEpisode() {
        if (state == null) {
            throw new IllegalStateException(spec.name() + ": no episode yet, call reset(seed) or resetTo(state, goal) first");
        }
    }

    /** Samples a start and a goal from {@code seed} alone (deterministic). */
    protected abstract Episode sampleEpisode(long seed);

    /** Throws IllegalArgumentException naming {@code field} if {@code s} (length and finiteness already checked) lies outside the world. */
    protected abstract void validateState(String field, double[] s);

    /** Checks that a state and a goal belong together (e.g. share a layout); nothing by default. */
    protected void validatePair(double[] s, double[] g) {}

    /** The stored form of a valid state (e.g. an angle wrapped to (-pi, pi]); a copy by default. */
    protected double[] canonical(double[] s) {
        return s.clone();
    }

    /** Puts a stateful simulator into {@code s}; nothing by default (the state vector is the whole world). */
    protected void load(double[] s) {}

    /** The state after applying {@code action} (already clipped) for one control step. */
    protected abstract double[] advance(double[] s, double[] action);

    /** The success distance between {@code s} and {@code g}, in the world's units. */
    protected abstract double distance(double[] s, double[] g);

    protected abstract float[] proprioOf(double[] s);

    /** A fresh frame of {@code s} (length and finiteness already checked). */
    protected abstract Frame draw(double[] s);
}

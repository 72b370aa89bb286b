package ai.foresight.datasets.env;

import ai.foresight.datasets.image.Frame;

/**
 * A simulated world that a model learns and a planner acts in.
 *
 * <p>An environment holds one episode at a time: a current ground-truth state, a goal state and
 * the layout sampled at reset. Observations are what a camera and the robot's own sensors give:
 * an RGB frame of {@link EnvSpec#frameHeight()} x {@link EnvSpec#frameWidth()} pixels and a proprio
 * vector. The ground-truth state is exposed for data collection, success checks and evaluation,
 * never to a planner (planners see observations only).
 *
 * <p>Determinism: {@code reset(seed)} followed by the same actions yields the same states and
 * frames, bit for bit.
 */
public interface Env {

    /** Sizes, bounds and names of this world. */
    EnvSpec spec();

    /** Samples a start state, a goal state and (where the world has one) a layout from {@code seed}. */
    Observation reset(long seed);

    /**
     * Puts the world into a given state with a given goal, keeping the current layout.
     *
     * @throws IllegalArgumentException naming the field if a vector has the wrong length, a NaN,
     *     or lies outside the world
     */
    Observation resetTo(double[] state, double[] goal);

    /**
     * Applies one action (length {@link EnvSpec#actionDim()}, clipped to the action bounds) and
     * advances the world by one control step.
     *
     * @throws IllegalArgumentException if the action has the wrong length or a non-finite value
     */
    StepResult step(double[] action);

    /**
     * The state one control step after {@code state} under {@code action} (clipped to the bounds), computed without
     * rendering and without moving the episode: what a planner that may use the true dynamics simulates (a
     * ceiling experiment, never the evaluation protocol, whose planners see observations only).
     *
     * @throws UnsupportedOperationException if this world cannot simulate a step apart from its episode
     * @throws IllegalArgumentException if a vector has the wrong length or a non-finite value
     */
    default double[] transition(double[] state, double[] action) {
        throw new UnsupportedOperationException(spec().name() + ": this world cannot simulate a step apart from its episode");
    }

    /** The observation of the current state. */
    Observation observe();

    /** A copy of the current ground-truth state (length {@link EnvSpec#stateDim()}). */
    double[] state();

    /** A copy of the goal state. */
    double[] goal();

    /** Renders any state of this world (with the current layout), e.g. to make a goal image. */
    Frame render(double[] state);

    /** The proprio vector a robot would read in {@code state} (length {@link EnvSpec#proprioDim()}). */
    float[] proprio(double[] state);

    /** The world's success distance between {@code state} and the goal (its own units). */
    double distanceToGoal(double[] state);

    /** Whether {@code state} satisfies the world's success criterion for the current goal. */
    boolean isSuccess(double[] state);

    /** The observation a state would give: its rendered frame and proprio. */
    default Observation observeState(double[] state) {
        return new Observation(render(state), proprio(state));
    }

    /** The goal as an observation (goal image plus goal proprio), what a goal-reaching planner gets. */
    default Observation goalObservation() {
        return observeState(goal());
    }

    /** Dense reward of the current state: the negative distance to the goal. */
    default double reward() {
        return -distanceToGoal(state());
    }
}

package ai.foresight.datasets.env;

/**
 * The outcome of one {@link Env#step}.
 *
 * @param observation the observation after the step
 * @param reward dense reward after the step (negative distance to the goal)
 * @param success whether the state after the step meets the goal
 */
public record StepResult(Observation observation, double reward, boolean success) {}

package ai.foresight.planner.objective;

import ai.djl.ndarray.NDArray;

/**
 * The named parts of a goal-reaching cost, per candidate, for logging and plots.
 *
 * @param latent weighted mean squared distance to the goal latent {@code (N)}
 * @param proprio weighted mean squared distance to the goal proprio {@code (N)}, null when alpha is 0
 * @param total {@code latent + alpha * proprio} {@code (N)}
 */
public record GoalCostTerms(NDArray latent, NDArray proprio, NDArray total) {}

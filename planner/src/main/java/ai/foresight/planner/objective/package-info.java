/**
 * Planning objectives over imagined rollouts. A {@link ai.foresight.planner.objective.RolloutModel}
 * maps a context and a population of action sequences {@code (N, H, A)} to an
 * {@link ai.foresight.planner.objective.Imagination} (predicted features, z latent, proprio,
 * reward per step); {@link ai.foresight.planner.objective.GoalDistanceObjective} (DINO-WM's goal
 * MSE, in feature or z space, last frame or discounted, plus alpha x proprio) and
 * {@link ai.foresight.planner.objective.RewardObjective} (negated discounted reward) turn it into
 * costs {@code (N)}. Both are differentiable when the model is.
 */
package ai.foresight.planner.objective;

/**
 * Planning in a learned model: {@link ai.foresight.planner.TrajectoryPlanner} owns the horizon,
 * action bounds, normalisation and warm-start shift and delegates the search to a
 * {@link ai.foresight.planner.optim.SequenceOptimizer}; objectives over imagined rollouts live in
 * {@code ai.foresight.planner.objective} and the receding-horizon controller in
 * {@code ai.foresight.planner.mpc}.
 */
package ai.foresight.planner;

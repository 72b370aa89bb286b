/**
 * Black-box optimisers over action sequences, after mbrl-lib's design: a
 * {@link ai.foresight.planner.optim.SequenceOptimizer} minimises an
 * {@link ai.foresight.planner.optim.ObjectiveFunction} {@code (N, H, A) -> (N)} inside a
 * {@link ai.foresight.planner.optim.SearchSpace} and knows nothing of world models.
 *
 * <p>Implementations: {@link ai.foresight.planner.optim.CemOptimizer} (DINO-WM/PlaNet CEM),
 * {@link ai.foresight.planner.optim.IcemOptimizer} (coloured noise, decaying population, elite
 * reuse), {@link ai.foresight.planner.optim.MppiOptimizer} (TD-MPC2's MPPI),
 * {@link ai.foresight.planner.optim.GradientOptimizer} (projected Adam through a
 * {@link ai.foresight.planner.optim.DifferentiableObjective}) and
 * {@link ai.foresight.planner.optim.CemGradientOptimizer}. Each evaluates its whole population in one
 * objective call per iteration, and every array an iteration makes is closed with it. CEM, iCEM and
 * MPPI share one search loop ({@code EliteSearchLoop}) and differ only in the noise they draw and
 * the refit of their sampling distribution.
 */
package ai.foresight.planner.optim;

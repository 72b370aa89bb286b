/**
 * Goal-reaching with a trained world model: {@link ai.foresight.planner.agent.WorldModelRollout} adapts a
 * {@code WorldModel} to the planner's {@code RolloutModel} (units, context layout, batched imagination),
 * {@link ai.foresight.planner.agent.EnsembleRollout} imagines with several models trained alike (their mean and
 * spread), and
 * {@link ai.foresight.planner.agent.GoalReachingAgent} composes encoder, model, optimiser and MPC into a
 * {@link ai.foresight.planner.agent.Controller}: observations in, world-unit environment actions out.
 */
package ai.foresight.planner.agent;

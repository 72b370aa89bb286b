/**
 * Closed-loop evaluation of trained models: {@link ai.foresight.experiments.evaluate.PlanningEvaluation} drives a
 * {@code GoalReachingAgent} through start/goal pairs under the fixed-budget protocol and writes an HTML report
 * (success with its Wilson interval, distance curves, planning-time histogram, episode GIFs beside their goals).
 */
package ai.foresight.experiments.evaluate;

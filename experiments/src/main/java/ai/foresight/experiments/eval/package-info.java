/**
 * Closed-loop evaluation under the fixed-budget protocol: start/goal pairs from a fixed seed, a
 * controller that sees only observations, success with a Wilson interval, distances and plan times.
 * Beside it, {@link ai.foresight.experiments.eval.TrueDynamicsAgent} measures the planner's ceiling by
 * planning inside the simulator itself (a diagnostic that reads the ground-truth state, not the protocol).
 */
package ai.foresight.experiments.eval;

/**
 * Closed-loop evaluation under the fixed-budget protocol: start/goal pairs from a fixed seed, a
 * controller that sees only observations, success with a Wilson interval, distances and plan times.
 */
package ai.foresight.experiments.eval;

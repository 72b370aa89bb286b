/**
 * Closed-loop control with a planner: {@link ai.foresight.planner.mpc.MpcController} takes
 * observations and returns actions (it never sees an environment), replans every k actions and
 * warm-starts each plan from the previous one.
 */
package ai.foresight.planner.mpc;

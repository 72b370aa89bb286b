package ai.foresight.planner;

import ai.foresight.planner.optim.OptimizationTrace;

/**
 * One planned action sequence, as plain Java arrays (nothing here holds native memory).
 *
 * @param actions the sequence in environment units, clipped to the bounds, {@code (H, A)}
 * @param normalisedActions the same sequence as the optimiser saw it, {@code (H, A)}
 * @param cost its objective value (lower is better)
 * @param trace the optimiser's per-iteration statistics
 * @param seconds wall-clock time spent planning
 */
public record Plan(float[][] actions, float[][] normalisedActions, float cost, OptimizationTrace trace, double seconds) {

    public int horizon() {
        return actions.length;
    }

    /** A copy of action {@code t} in environment units. */
    public float[] action(int t) {
        if (t < 0 || t >= actions.length) {
            throw new IllegalArgumentException("t: expected 0 <= t < " + actions.length + ", got " + t);
        }
        return actions[t].clone();
    }
}

package ai.foresight.server.spi;

/**
 * What one plan produced.
 *
 * @param actions     (k, A) the action chunk the robot executes next, inside the model's bounds
 * @param plannedRest (H - k, A) the remainder of the optimised sequence (may be empty), useful for display and for
 *                    clients that want to execute more than one chunk open loop
 * @param objective   the optimiser's final objective value for the chosen sequence (lower is better)
 * @param encodeMs    milliseconds spent encoding observation and inline goal
 * @param planMs      milliseconds spent optimising
 * @param warmStart   state for this robot's next plan, or null when the backend keeps none
 */
public record PlanResult(float[][] actions, float[][] plannedRest, double objective, double encodeMs, double planMs,
                         WarmStart warmStart) {

    public PlanResult {
        if (actions == null || actions.length == 0 || actions[0] == null) {
            throw new IllegalArgumentException("actions: expected a non-empty (k, A) array");
        }
        int width = actions[0].length;
        requireRows("actions", actions, width);
        if (plannedRest == null) {
            throw new IllegalArgumentException("plannedRest: expected an (H - k, A) array, got null");
        }
        requireRows("plannedRest", plannedRest, width);
    }

    private static void requireRows(String field, float[][] rows, int width) {
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != width) {
                throw new IllegalArgumentException(field + "[" + i + "]: expected length " + width + ", got "
                        + (rows[i] == null ? "null" : rows[i].length));
            }
        }
    }
}

package ai.foresight.server.core;

import ai.foresight.server.spi.ModelInfo;
import ai.foresight.server.spi.PlanResult;

/**
 * Guards robots against a faulty backend: a plan is only forwarded when its chunk has the promised shape (k, A) and
 * every action is finite and inside the model's bounds.
 */
final class PlanResultCheck {

    /** Slack for bounds, so that a planner clipping in float arithmetic is not rejected for rounding. */
    private static final float BOUND_TOLERANCE = 1e-5f;

    private PlanResultCheck() {
    }

    /** What is wrong with {@code result}, or null when it may be sent to the robot. */
    static String problem(PlanResult result, ModelInfo info) {
        if (result == null) {
            return "result is null";
        }
        float[][] actions = result.actions();
        if (actions.length != info.chunkSize() || actions[0].length != info.actionDim()) {
            return "actions: expected shape (" + info.chunkSize() + ", " + info.actionDim() + "), got ("
                    + actions.length + ", " + actions[0].length + ")";
        }
        float[] low = info.actionLow();
        float[] high = info.actionHigh();
        String inActions = outOfBounds("actions", actions, low, high);
        return inActions != null ? inActions : outOfBounds("plannedRest", result.plannedRest(), low, high);
    }

    private static String outOfBounds(String field, float[][] rows, float[] low, float[] high) {
        for (int t = 0; t < rows.length; t++) {
            for (int a = 0; a < rows[t].length; a++) {
                float v = rows[t][a];
                if (!Float.isFinite(v) || v < low[a] - BOUND_TOLERANCE || v > high[a] + BOUND_TOLERANCE) {
                    return field + "[" + t + "][" + a + "]: expected finite within [" + low[a] + ", " + high[a]
                            + "], got " + v;
                }
            }
        }
        return null;
    }
}

package ai.foresight.server.core;

import ai.foresight.datasets.image.Frame;

/**
 * A planning request after the front end (JSON or msgpack) decoded and checked it, independent of the transport.
 * Exactly one of {@code goalId} and {@code goalFrame} is set.
 *
 * @param observation the (H, W, 3) uint8 camera frame, of the model's size
 * @param proprio     the (P) proprioception, finite
 * @param goalId      a registered goal, or null
 * @param goalFrame   an inline goal frame, or null
 * @param goalProprio the inline goal's (P) proprioception (empty with a registered goal)
 * @param settings    requested planner settings
 * @param reset       drop the session's warm start before planning (start of a new episode)
 */
public record PlanRequest(Frame observation, float[] proprio, String goalId, Frame goalFrame, float[] goalProprio,
                          SettingsOverrides settings, boolean reset) {

    public PlanRequest {
        if (observation == null || proprio == null || settings == null) {
            throw new IllegalArgumentException("plan request: expected observation, proprio and settings");
        }
        if ((goalId == null) == (goalFrame == null)) {
            throw new IllegalArgumentException("plan request: expected exactly one of goalId and goalFrame");
        }
        if (goalFrame != null && goalProprio == null) {
            throw new IllegalArgumentException("plan request: expected goalProprio with goalFrame");
        }
    }
}

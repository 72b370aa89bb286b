package ai.foresight.server.spi;

import ai.foresight.datasets.image.Frame;

/**
 * One validated planning request as the backend sees it.
 *
 * @param observation the current camera frame, (H, W, 3) uint8 of the model's image size
 * @param proprio     the (P) proprioceptive vector, every element finite
 * @param goal        where the robot should go
 * @param settings    planner settings, already clamped to the model's limits, horizon >= chunk size
 */
public record PlanInput(Frame observation, float[] proprio, Goal goal, PlannerSettings settings) {

    public PlanInput {
        if (observation == null || proprio == null || goal == null || settings == null) {
            throw new IllegalArgumentException("plan input: expected observation, proprio, goal and settings");
        }
    }
}

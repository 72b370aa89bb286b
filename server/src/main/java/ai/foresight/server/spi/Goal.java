package ai.foresight.server.spi;

import ai.foresight.datasets.image.Frame;

/** The goal of one plan: either a goal registered (and encoded) beforehand, or a goal observation sent inline. */
public sealed interface Goal {

    /**
     * A goal encoded once by {@link PlanningBackend#encodeGoal}; the handle stays open while the plan runs.
     *
     * @param id     the id the server gave the goal
     * @param handle the backend's encoding
     */
    record Registered(String id, GoalHandle handle) implements Goal {
        public Registered {
            if (id == null || handle == null) {
                throw new IllegalArgumentException("registered goal: expected an id and a handle");
            }
        }
    }

    /**
     * A goal observation sent with the request; the backend encodes it as part of the plan.
     *
     * @param frame   the (H, W, 3) uint8 goal frame, already checked against the model's image size
     * @param proprio the (P) goal proprioception, finite
     */
    record Observed(Frame frame, float[] proprio) implements Goal {
        public Observed {
            if (frame == null || proprio == null) {
                throw new IllegalArgumentException("goal observation: expected a frame and a proprio vector");
            }
        }
    }
}

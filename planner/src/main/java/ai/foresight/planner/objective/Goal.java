package ai.foresight.planner.objective;

import ai.djl.ndarray.NDArray;

/**
 * A goal in the spaces a {@link GoalDistanceObjective} can compare predictions in. Members the
 * chosen objective does not use may be null.
 *
 * @param features goal observation features, shaped like one predicted frame (e.g. {@code (P, D)})
 * @param z goal compact latent, shaped like one predicted z
 * @param proprio goal proprioception {@code (P)}
 */
public record Goal(NDArray features, NDArray z, NDArray proprio) {

    public Goal {
        if (features == null && z == null && proprio == null) {
            throw new IllegalArgumentException("goal: expected at least one of features, z, proprio");
        }
    }

    public static Goal ofFeatures(NDArray features) {
        return new Goal(features, null, null);
    }

    public static Goal ofFeatures(NDArray features, NDArray proprio) {
        return new Goal(features, null, proprio);
    }

    public static Goal ofZ(NDArray z) {
        return new Goal(null, z, null);
    }
}

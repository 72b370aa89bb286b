package ai.foresight.planner.objective;

/**
 * Settings of {@link GoalDistanceObjective}.
 *
 * @param space which predicted latent is compared with the goal
 * @param frames which predicted steps count
 * @param proprioWeight alpha, weight of the proprio distance (DINO-WM: 1 for Wall/PushT, 0 for PointMaze)
 * @param disagreementWeight lambda, weight of an ensemble's {@link EnsembleSpread} added to each distance (0: none;
 *     1: the members' expected cost; more: pessimism where they disagree); needs a model that imagines a spread
 */
public record GoalObjectiveConfig(LatentSpace space, FrameWeighting frames, float proprioWeight, float disagreementWeight) {

    /** The predicted latent a goal distance is measured in. */
    public enum LatentSpace {
        /** Observation features (e.g. DINO patch features): {@link Imagination#features()} vs {@link Goal#features()}. */
        FEATURES,
        /** The compact latent (e.g. RePo's z): {@link Imagination#z()} vs {@link Goal#z()}. */
        Z
    }

    public GoalObjectiveConfig {
        if (space == null) {
            throw new IllegalArgumentException("space: expected FEATURES or Z, got null");
        }
        if (frames == null) {
            throw new IllegalArgumentException("frames: expected a FrameWeighting, got null");
        }
        if (!(proprioWeight >= 0) || !Float.isFinite(proprioWeight)) {
            throw new IllegalArgumentException("proprioWeight: expected a finite value >= 0, got " + proprioWeight);
        }
        if (!(disagreementWeight >= 0) || !Float.isFinite(disagreementWeight)) {
            throw new IllegalArgumentException("disagreementWeight: expected a finite value >= 0, got " + disagreementWeight);
        }
    }

    /** Without an ensemble penalty. */
    public GoalObjectiveConfig(LatentSpace space, FrameWeighting frames, float proprioWeight) {
        this(space, frames, proprioWeight, 0f);
    }

    /** DINO-WM: feature MSE of the last predicted frame plus 1 x proprio MSE. */
    public static GoalObjectiveConfig defaults() {
        return new GoalObjectiveConfig(LatentSpace.FEATURES, FrameWeighting.lastFrame(), 1f);
    }

    /** Feature distance of the last frame only, for tests. */
    public static GoalObjectiveConfig tiny() {
        return new GoalObjectiveConfig(LatentSpace.FEATURES, FrameWeighting.lastFrame(), 0f);
    }

    /** The same mechanics in z-space, without proprio. */
    public static GoalObjectiveConfig zSpace() {
        return new GoalObjectiveConfig(LatentSpace.Z, FrameWeighting.lastFrame(), 0f);
    }

    public GoalObjectiveConfig withFrames(FrameWeighting newFrames) {
        return new GoalObjectiveConfig(space, newFrames, proprioWeight, disagreementWeight);
    }

    public GoalObjectiveConfig withProprioWeight(float alpha) {
        return new GoalObjectiveConfig(space, frames, alpha, disagreementWeight);
    }

    public GoalObjectiveConfig withDisagreementWeight(float lambda) {
        return new GoalObjectiveConfig(space, frames, proprioWeight, lambda);
    }
}

package ai.foresight.datasets.policy;

/**
 * Settings of the Wall random walk that DINO-WM's Wall data was collected with.
 *
 * @param stepMean mean action magnitude per step (1.0: the dot moves about 2 canvas units)
 * @param stepStd standard deviation of the action magnitude (0.4)
 * @param headingNoise standard deviation of the heading change per step, radians (0.2)
 * @param blockedRatio a step counts as blocked when the dot moved less than this fraction of the
 *     displacement asked for; the walk then turns around (a new heading within +-90 degrees of the
 *     reverse)
 */
public record RandomWalkConfig(double stepMean, double stepStd, double headingNoise, double blockedRatio) {

    public RandomWalkConfig {
        if (!(stepMean > 0) || !(stepStd >= 0) || !(headingNoise >= 0)) {
            throw new IllegalArgumentException("stepMean, stepStd, headingNoise: expected > 0, >= 0, >= 0, got "
                    + stepMean + ", " + stepStd + ", " + headingNoise);
        }
        if (!(blockedRatio > 0 && blockedRatio < 1)) {
            throw new IllegalArgumentException("blockedRatio: expected 0 < ratio < 1, got " + blockedRatio);
        }
    }

    /** DINO-WM's settings: magnitude 1.0 +- 0.4, heading noise 0.2 rad per step. */
    public static RandomWalkConfig defaults() {
        return new RandomWalkConfig(1.0, 0.4, 0.2, 0.5);
    }
}

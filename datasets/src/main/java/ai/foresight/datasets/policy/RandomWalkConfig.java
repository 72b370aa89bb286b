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
 * @param pushOnProbability chance that a blocked walk keeps its heading for one more step instead of
 *     turning, so that a contact lasts 1 / (1 - p) steps on average and the dot presses against and
 *     slides along the wall. A walk that always turns at once (p = 0, DINO-WM's) records one blocked
 *     step per contact, too few for a predictor to learn that the wall stops the dot: a planner then
 *     finds imagined paths straight through it (planner README)
 * @param actionNoise standard deviation of independent Gaussian noise added to each action component every step.
 *     A smooth walk's k actions of one frame step are nearly equal, so a predictor that reads them concatenated
 *     never learns what uneven sequences (a planner's samples) do; jitter spreads the data over the whole k·A space
 * @param speedRange r >= 1: each episode scales the step magnitude (mean and spread) by a factor drawn
 *     log-uniformly from [1/r, r], so that some episodes walk slowly and some at the action bound. A walk at one
 *     speed leaves the fast sequences a planner favours (k actions at the bound: 4 px per action, twice the walk's
 *     mean) outside the data, and the predictor extrapolates there; 1 draws nothing (the published walk). Measured
 *     at r = 3 (datasets/README-worlds.md): it halves the model's misses on failed Wall episodes but did not raise
 *     success (0.70 at 24,000 steps, as without it; 0.55 against 0.70 at the quickstart's 6,000), so the default
 *     stays at 1
 */
public record RandomWalkConfig(double stepMean, double stepStd, double headingNoise, double blockedRatio,
        double pushOnProbability, double actionNoise, double speedRange) {

    public RandomWalkConfig {
        if (!(stepMean > 0) || !(stepStd >= 0) || !(headingNoise >= 0)) {
            throw new IllegalArgumentException("stepMean, stepStd, headingNoise: expected > 0, >= 0, >= 0, got "
                    + stepMean + ", " + stepStd + ", " + headingNoise);
        }
        if (!(blockedRatio > 0 && blockedRatio < 1)) {
            throw new IllegalArgumentException("blockedRatio: expected 0 < ratio < 1, got " + blockedRatio);
        }
        if (!(actionNoise >= 0) || Double.isInfinite(actionNoise)) {
            throw new IllegalArgumentException("actionNoise: expected a finite standard deviation >= 0, got " + actionNoise);
        }
        if (!(pushOnProbability >= 0 && pushOnProbability < 1)) {
            throw new IllegalArgumentException("pushOnProbability: expected 0 <= p < 1, got " + pushOnProbability);
        }
        if (!(speedRange >= 1) || Double.isInfinite(speedRange)) {
            throw new IllegalArgumentException("speedRange: expected a finite factor >= 1, got " + speedRange);
        }
    }

    /**
     * DINO-WM's step statistics (magnitude 1.0 +- 0.4, heading noise 0.2 rad per step), with contacts that
     * last 4 steps on average ({@link #pushOnProbability} 0.75) and per-step jitter of 0.5 per component, at one
     * speed ({@link #speedRange} 1).
     */
    public static RandomWalkConfig defaults() {
        return new RandomWalkConfig(1.0, 0.4, 0.2, 0.5, 0.75, 0.5, 1.0);
    }

    /** {@link #defaults()} with each episode at its own speed, from 1/3x to 3x. */
    public static RandomWalkConfig manySpeeds() {
        return new RandomWalkConfig(1.0, 0.4, 0.2, 0.5, 0.75, 0.5, 3.0);
    }

    /** DINO-WM's walk as published: smooth, and it turns around at the first blocked step. */
    public static RandomWalkConfig dinoWm() {
        return new RandomWalkConfig(1.0, 0.4, 0.2, 0.5, 0.0, 0.0, 1.0);
    }
}

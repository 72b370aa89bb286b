package ai.foresight.datasets.policy;

/**
 * Settings of the scripted PushT pusher. Lengths are PushT world units.
 *
 * @param approachGap how far behind the contact point the agent lines up before pushing
 * @param pushStep relative target length while pushing (the agent settles at about 5x this per second)
 * @param pushStepsMin fewest steps of one push
 * @param pushStepsMax most steps of one push
 * @param targetMargin push targets are drawn in [margin, worldSize - margin]^2, keeping the block inside
 * @param lateralMax the contact point is offset sideways by up to this, so pushes also turn the block
 * @param noiseStd standard deviation of Gaussian noise added to each action component
 * @param approachStepsMax steps allowed to line up before the push is re-planned
 * @param reachTolerance the agent has lined up when within this of the pre-contact point
 */
public record PushTScriptConfig(
        double approachGap,
        double pushStep,
        int pushStepsMin,
        int pushStepsMax,
        double targetMargin,
        double lateralMax,
        double noiseStd,
        int approachStepsMax,
        double reachTolerance) {

    public PushTScriptConfig {
        if (!(approachGap >= 0) || !(pushStep > 0) || !(targetMargin >= 0) || !(lateralMax >= 0) || !(noiseStd >= 0)) {
            throw new IllegalArgumentException("approachGap, pushStep, targetMargin, lateralMax, noiseStd: expected >= 0 "
                    + "(pushStep > 0), got " + approachGap + ", " + pushStep + ", " + targetMargin + ", " + lateralMax + ", " + noiseStd);
        }
        if (pushStepsMin < 1 || pushStepsMax < pushStepsMin) {
            throw new IllegalArgumentException("pushStepsMin..pushStepsMax: expected 1 <= min <= max, got "
                    + pushStepsMin + ".." + pushStepsMax);
        }
        if (approachStepsMax < 1 || !(reachTolerance > 0)) {
            throw new IllegalArgumentException("approachStepsMax, reachTolerance: expected >= 1 and > 0, got "
                    + approachStepsMax + ", " + reachTolerance);
        }
    }

    /** Line up 25 behind the contact, push with 30-unit targets for 4..12 steps, noise 4, targets 128 from the walls. */
    public static PushTScriptConfig defaults() {
        return new PushTScriptConfig(25, 30, 4, 12, 128, 25, 4, 25, 10);
    }
}

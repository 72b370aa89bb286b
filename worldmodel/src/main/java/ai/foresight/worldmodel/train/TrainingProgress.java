package ai.foresight.worldmodel.train;

/**
 * What a training step reports to its listener.
 *
 * @param step steps completed (1-based)
 * @param totalSteps steps the run will take
 * @param losses this step's loss terms
 * @param learningRate the learning rate applied
 * @param gradientNorm global gradient norm before clipping (of every parameter but a pixel decoder's, clipped apart)
 * @param elapsedSeconds wall time of this session (since fit started or resumed)
 * @param etaSeconds estimated seconds until the last step, from this session's mean step time
 */
public record TrainingProgress(
        long step,
        long totalSteps,
        LossTerms losses,
        double learningRate,
        double gradientNorm,
        double elapsedSeconds,
        double etaSeconds) {

    /** Fraction of the run done, in [0, 1]. */
    public double fraction() {
        return (double) step / totalSteps;
    }
}

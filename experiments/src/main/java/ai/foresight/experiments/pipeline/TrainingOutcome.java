package ai.foresight.experiments.pipeline;

import ai.foresight.worldmodel.train.Evaluation;
import java.nio.file.Path;

/**
 * What a {@link ModelTraining} run produced.
 *
 * @param modelDir the model directory (load it with {@link TrainedModel#load})
 * @param evaluation the final validation against copy-last-frame
 * @param steps optimiser steps completed
 * @param resumedFromStep the checkpoint step the run resumed from (0 for a fresh run)
 * @param encodeSeconds wall time spent encoding (0 when the cached features were reused)
 * @param trainSeconds wall time of the optimisation (with validation and checkpoints)
 * @param lossChart the loss-curve PNG, or null when nothing was logged
 */
public record TrainingOutcome(Path modelDir, Evaluation evaluation, long steps, long resumedFromStep, double encodeSeconds,
        double trainSeconds, Path lossChart) {

    /** Open-loop MSE after {@code s} imagined steps (1-based), or NaN when the validation windows are shorter. */
    public double openLoopMse(int s) {
        double[] open = evaluation.openLoopMse();
        return s >= 1 && s <= open.length ? open[s - 1] : Double.NaN;
    }
}

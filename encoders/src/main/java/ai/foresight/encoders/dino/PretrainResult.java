package ai.foresight.encoders.dino;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of {@link DinoPretrainer#run}.
 *
 * @param completed whether all configured steps ran (false when stopped early)
 * @param stepsDone steps completed in total, including those of resumed runs
 * @param resumedFrom the step the run resumed from, 0 for a fresh run
 * @param encoderDir folder of the exported teacher backbone ({@code VitPatchEncoder.load}); null when stopped early
 * @param encoderId that encoder's id, or null
 * @param history the loss history of every step so far
 * @param secondsPerStep mean wall time of this run's steps
 */
public record PretrainResult(
        boolean completed, long stepsDone, long resumedFrom, Path encoderDir, String encoderId,
        List<DinoStepRecord> history, double secondsPerStep) {

    /** Mean loss over the first {@code n} recorded steps. */
    public double meanLossOfFirst(int n) {
        return history.stream().limit(n).mapToDouble(DinoStepRecord::loss).average().orElse(Double.NaN);
    }

    /** Mean loss over the last {@code n} recorded steps. */
    public double meanLossOfLast(int n) {
        return history.stream().skip(Math.max(0, history.size() - n)).mapToDouble(DinoStepRecord::loss).average()
                .orElse(Double.NaN);
    }
}

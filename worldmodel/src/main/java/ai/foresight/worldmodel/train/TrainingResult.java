package ai.foresight.worldmodel.train;

import java.nio.file.Path;

/**
 * How a {@link Trainer#fit} call ended.
 *
 * @param resumedFromStep the checkpoint step this session started from (0 for a fresh run)
 * @param step steps completed at the end
 * @param lastLosses the last step's losses (null if no step ran)
 * @param lastEvaluation the last validation result (null if none ran)
 * @param lastCheckpoint the last checkpoint written (null without a run directory)
 */
public record TrainingResult(long resumedFromStep, long step, LossTerms lastLosses, Evaluation lastEvaluation, Path lastCheckpoint) {}

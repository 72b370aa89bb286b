package ai.foresight.encoders.dino;

/** Receives each finished pretraining step, e.g. to drive a progress bar, and can stop the run early. */
public interface PretrainProgress {

    /** Called after every step with that step's record. */
    void onStep(DinoStepRecord record, int totalSteps);

    /**
     * Asked after every step: true saves a checkpoint and returns, so a later run resumes exactly here.
     */
    default boolean stopRequested() {
        return false;
    }

    /** Reports nothing. */
    static PretrainProgress silent() {
        return (record, total) -> { };
    }
}

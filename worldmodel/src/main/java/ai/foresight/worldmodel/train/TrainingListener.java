package ai.foresight.worldmodel.train;

/** Receives a trainer's progress (for progress bars, plots, early stopping); all methods are optional. */
public interface TrainingListener {
    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {};

    default void onStep(TrainingProgress progress) {}

    default void onEvaluation(long step, Evaluation evaluation) {}

    /** Called after each step; true ends the run after a checkpoint (resume continues from it). */
    default boolean shouldStop() {
        return false;
    }
}

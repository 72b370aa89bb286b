package ai.foresight.planner;

/** What fills the tail of a warm-start sequence after it is shifted by the executed steps. */
public enum TailFill {
    /** Normalised zero, i.e. the action mean (the centre of the bounds when normalising by bounds). */
    MEAN,
    /** The all-zero action in environment units (clipped to the bounds), i.e. "do nothing". */
    ZERO_ACTION
}

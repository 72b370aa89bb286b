package ai.foresight.worldmodel.checkpoint;

import java.nio.file.Path;

/**
 * A checkpoint made for another config, preset or encoder than the run that tried to load it. The message
 * names the first differing field and both values.
 */
public final class IncompatibleCheckpointException extends IllegalStateException {
    private final String field;

    public IncompatibleCheckpointException(Path checkpoint, String field, String inCheckpoint, String expected) {
        super("checkpoint " + checkpoint + " refused: " + field + " is " + inCheckpoint + " there but " + expected
                + " in this run");
        this.field = field;
    }

    /** The dotted path of the first differing field, e.g. {@code model.predictor.width} or {@code encoderId}. */
    public String field() {
        return field;
    }
}

package ai.foresight.adaptation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * What the aligner may see of the target domain: camera frames, the actions taken between them and,
 * optionally, the robot's proprio readings and the frames a source-domain camera took of the same states.
 * There is no field for reward or ground-truth state, so no code path can hand them to the aligner.
 *
 * <p>Proprio is part of an observation in the {@code Env} contract (what the robot's own sensors read,
 * which the planner also receives at test time); it is needed only to condition the frozen predictor in the
 * dynamics-consistency term of a model built with proprio. Paired frames (a dataset's {@code obs_clean})
 * are another camera's view of the same states, used by RePo's paired calibration term.
 *
 * @param frames (B, T, 3, H, W) float32 pixels in 0..1 at the encoder's input size
 * @param actions (B, T − 1, k·A) the frame-step actions between consecutive frames, normalised as the model
 *     was trained; may be null when T = 1 (then no dynamics term)
 * @param proprio (B, T, P) normalised proprio readings, or null
 * @param pairedFrames (B, T, 3, H, W) source-domain frames of the same states, or null
 */
public record TargetBatch(NDArray frames, NDArray actions, NDArray proprio, NDArray pairedFrames) {
    public TargetBatch {
        if (frames == null || frames.getShape().dimension() != 5 || frames.getShape().get(2) != 3) {
            throw new IllegalArgumentException("frames: expected (B, T, 3, H, W), got "
                    + (frames == null ? "null" : frames.getShape()));
        }
        Shape f = frames.getShape();
        long b = f.get(0);
        long t = f.get(1);
        if (actions != null) {
            Shape a = actions.getShape();
            if (a.dimension() != 3 || a.get(0) != b || a.get(1) != t - 1) {
                throw new IllegalArgumentException("actions: expected (" + b + ", " + (t - 1) + ", k·A), got " + a);
            }
        } else if (t > 1) {
            throw new IllegalArgumentException("actions: expected (" + b + ", " + (t - 1) + ", k·A) for " + t + " frames, got null");
        }
        if (proprio != null) {
            Shape p = proprio.getShape();
            if (p.dimension() != 3 || p.get(0) != b || p.get(1) != t) {
                throw new IllegalArgumentException("proprio: expected (" + b + ", " + t + ", P), got " + p);
            }
        }
        if (pairedFrames != null && !pairedFrames.getShape().equals(f)) {
            throw new IllegalArgumentException("pairedFrames: expected " + f + " like frames, got " + pairedFrames.getShape());
        }
    }

    /** Target frames only: no actions, proprio or pairs (a batch of single frames, T = 1). */
    public static TargetBatch framesOnly(NDArray frames) {
        return new TargetBatch(frames, null, null, null);
    }

    public long batchSize() {
        return frames.getShape().get(0);
    }

    /** Frames per window T. */
    public int windowLength() {
        return (int) frames.getShape().get(1);
    }

    public boolean hasPairs() {
        return pairedFrames != null;
    }
}

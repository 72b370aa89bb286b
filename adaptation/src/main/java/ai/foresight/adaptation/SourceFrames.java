package ai.foresight.adaptation;

import ai.djl.ndarray.NDArray;

/**
 * Unlabelled frames of the source domain (the one the model was trained in), whose embeddings under the
 * original encoder define the marginal the target embeddings are aligned to.
 *
 * @param frames (B, 3, H, W) float32 pixels in 0..1 at the encoder's input size
 */
public record SourceFrames(NDArray frames) {
    public SourceFrames {
        if (frames == null || frames.getShape().dimension() != 4 || frames.getShape().get(1) != 3) {
            throw new IllegalArgumentException("frames: expected (B, 3, H, W), got " + (frames == null ? "null" : frames.getShape()));
        }
    }

    public long batchSize() {
        return frames.getShape().get(0);
    }
}

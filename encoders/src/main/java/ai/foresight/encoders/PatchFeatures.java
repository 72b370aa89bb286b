package ai.foresight.encoders;

import ai.djl.ndarray.NDArray;

/**
 * What an encoder returns for a batch of frames.
 *
 * @param patches patch tokens (B, N, D), N = gh·gw in row-major grid order
 * @param cls the class token (B, D), or {@code null} for encoders without one
 */
public record PatchFeatures(NDArray patches, NDArray cls) {
    public PatchFeatures {
        if (patches == null || patches.getShape().dimension() != 3) {
            throw new IllegalArgumentException("patches: expected (B, N, D), got " + (patches == null ? "null" : patches.getShape()));
        }
        if (cls != null && (cls.getShape().dimension() != 2 || cls.getShape().get(0) != patches.getShape().get(0))) {
            throw new IllegalArgumentException("cls: expected (" + patches.getShape().get(0) + ", D), got " + cls.getShape());
        }
    }

    public boolean hasCls() {
        return cls != null;
    }
}

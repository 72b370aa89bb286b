package ai.foresight.encoders.vit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;

/**
 * Resamples a learned ViT position embedding to another patch grid, as DINO does for its small
 * local crops: the patch part is viewed as a (D, gh, gw) image and interpolated bicubically
 * (align_corners = false); the CLS slot is kept as it is.
 */
public final class PositionEmbeddings {
    /** libtorch's bicubic mode as DJL's interpolation call numbers it. */
    private static final int BICUBIC = 3;

    private PositionEmbeddings() {}

    /**
     * @param pos (1, 1 + h0·w0, D): CLS slot then the native grid in row-major order
     * @return (1, 1 + h·w, D); it and every intermediate are attached to {@code pos}'s manager
     * @throws IllegalArgumentException if {@code pos} does not match the native grid
     */
    public static NDArray resample(NDArray pos, int h0, int w0, int h, int w) {
        if (h <= 0 || w <= 0) {
            throw new IllegalArgumentException("grid: expected positive sides, got " + h + "x" + w);
        }
        var s = pos.getShape();
        if (s.dimension() != 3 || s.get(0) != 1 || s.get(1) != 1L + (long) h0 * w0) {
            throw new IllegalArgumentException("pos: expected (1, " + (1 + h0 * w0) + ", D), got " + s);
        }
        long d = s.get(2);
        NDArray cls = pos.get(new NDIndex(":, 0:1, :"));
        NDArray grid = pos.get(new NDIndex(":, 1:, :")).reshape(1, h0, w0, d).transpose(0, 3, 1, 2);
        NDArray resized = grid.getNDArrayInternal().interpolation(new long[] {h, w}, BICUBIC, false);
        NDArray patches = resized.transpose(0, 2, 3, 1).reshape(1, (long) h * w, d);
        return NDArrays.concat(new NDList(cls, patches), 1);
    }
}

package ai.foresight.encoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * Per-channel pixel normalisation {@code (x − mean) / std} applied by an encoder to its 0..1 RGB input.
 *
 * @param mean three channel means (R, G, B), in 0..1 units
 * @param std three positive channel standard deviations
 */
public record PixelNormalization(float[] mean, float[] std) {
    public PixelNormalization {
        if (mean == null || mean.length != 3) {
            throw new IllegalArgumentException("mean: expected 3 channel values, got " + (mean == null ? "null" : mean.length));
        }
        if (std == null || std.length != 3) {
            throw new IllegalArgumentException("std: expected 3 channel values, got " + (std == null ? "null" : std.length));
        }
        for (float s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("std: expected positive values, got " + Arrays.toString(std));
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** The ImageNet statistics DINO and DINOv2 were trained with. */
    public static PixelNormalization imagenet() {
        return new PixelNormalization(new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f});
    }

    /** No change: the encoder sees 0..1 pixels as they are. */
    public static PixelNormalization identity() {
        return new PixelNormalization(new float[] {0, 0, 0}, new float[] {1, 1, 1});
    }

    /**
     * Normalises {@code pixels} (B, 3, H, W) in 0..1; the result lives in the input's manager.
     */
    public NDArray apply(NDArray pixels) {
        NDArray m = pixels.getManager().create(mean, new Shape(1, 3, 1, 1));
        NDArray s = pixels.getManager().create(std, new Shape(1, 3, 1, 1));
        return pixels.sub(m).divi(s);
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PixelNormalization p && Arrays.equals(p.mean, mean) && Arrays.equals(p.std, std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "PixelNormalization[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}

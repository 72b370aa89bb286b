package ai.foresight.encoders;

import ai.djl.ndarray.NDArray;

/**
 * Turns camera frames into a grid of patch features, the representation DINO-WM (Zhou et al., 2024)
 * found planning needs (patch tokens, not a single CLS vector).
 *
 * <p>Input convention: {@code (B, 3, H, W)} float32 RGB with values in 0..1, exactly
 * {@link #inputHeight()} x {@link #inputWidth()} ({@link FramePixels} makes such a batch from
 * {@code Frame}s, resizing if needed). The encoder applies its own {@link #normalization()} inside.
 * Output: {@code (B, N, D)} with {@code N = gridHeight() * gridWidth()} in row-major grid order.
 *
 * <p>Encoders are frozen by default: no gradient reaches their parameters and the output carries no
 * autograd history, so a world model trained on top never changes them. The returned arrays live in
 * the input's manager; intermediates are freed before returning.
 */
public interface PatchEncoder extends AutoCloseable {

    /** Patch features (B, N, D) of {@code pixels} (B, 3, H, W) in 0..1. */
    default NDArray encode(NDArray pixels) {
        PatchFeatures features = encodeFeatures(pixels);
        if (features.cls() != null) {
            features.cls().close();
        }
        return features.patches();
    }

    /** Patch features and, where the encoder has one, the CLS token. */
    PatchFeatures encodeFeatures(NDArray pixels);

    /** Rows of the output patch grid (gh). */
    int gridHeight();

    /** Columns of the output patch grid (gw). */
    int gridWidth();

    /** Tokens per frame, N = gh·gw. */
    default int tokens() {
        return gridHeight() * gridWidth();
    }

    /** Feature width D. */
    int dim();

    /** Input height H in pixels. */
    int inputHeight();

    /** Input width W in pixels. */
    int inputWidth();

    /** The normalisation applied to the 0..1 input before the network. */
    PixelNormalization normalization();

    /** Whether the parameters are frozen (the default). */
    boolean isFrozen();

    /**
     * A stable identifier: a hash of the configuration and the weights. Two encoders with the same id
     * produce the same features; caches and provenance records key on it.
     */
    String id();

    /**
     * Multiply-adds x 2 of one frame's forward pass, for throughput reports; NaN where unknown.
     */
    default double flopsPerFrame() {
        return Double.NaN;
    }

    /** Checks that {@code pixels} has this encoder's input shape (B, 3, H, W). */
    default void checkInput(NDArray pixels) {
        ai.djl.ndarray.types.Shape s = pixels.getShape();
        if (s.dimension() != 4 || s.get(1) != 3 || s.get(2) != inputHeight() || s.get(3) != inputWidth()) {
            throw new IllegalArgumentException("pixels: expected (B, 3, " + inputHeight() + ", " + inputWidth() + "), got " + s);
        }
    }

    @Override
    void close();
}

package ai.foresight.encoders.vit;

import ai.foresight.encoders.PixelNormalization;

/**
 * Shape of a {@link VisionTransformer} and of the patch features its encoder hands out.
 *
 * @param imageSize native square input side in pixels (the position embedding's grid)
 * @param patchSize patch side in pixels; divides {@code imageSize}
 * @param dim token width D
 * @param depth number of pre-norm transformer blocks
 * @param heads attention heads; divide {@code dim}
 * @param mlpDim hidden width of each block's MLP
 * @param outputPool average-pooling factor applied to the patch grid the encoder outputs
 *     (1 keeps every patch; 2 turns an 8x8 grid into 4x4); divides the grid side
 * @param normalization pixel normalisation applied to the 0..1 input
 */
public record VitConfig(
        int imageSize, int patchSize, int dim, int depth, int heads, int mlpDim, int outputPool,
        PixelNormalization normalization) {

    public VitConfig {
        positive("imageSize", imageSize);
        positive("patchSize", patchSize);
        positive("dim", dim);
        positive("depth", depth);
        positive("heads", heads);
        positive("mlpDim", mlpDim);
        positive("outputPool", outputPool);
        if (imageSize % patchSize != 0) {
            throw new IllegalArgumentException("patchSize: expected a divisor of imageSize " + imageSize + ", got " + patchSize);
        }
        if (dim % heads != 0) {
            throw new IllegalArgumentException("heads: expected a divisor of dim " + dim + ", got " + heads);
        }
        if ((imageSize / patchSize) % outputPool != 0) {
            throw new IllegalArgumentException("outputPool: expected a divisor of the patch grid side "
                    + (imageSize / patchSize) + ", got " + outputPool);
        }
        if (normalization == null) {
            throw new IllegalArgumentException("normalization: expected a value, got null");
        }
    }

    /** For tests: 32 px, patch 8 (4x4 grid), width 32, depth 2, 2 heads. */
    public static VitConfig tiny() {
        return new VitConfig(32, 8, 32, 2, 2, 64, 1, PixelNormalization.imagenet());
    }

    /**
     * The default encoder, sized for speed on 2 CPU cores: 64 px, patch 8 (8x8 = 64 patch tokens),
     * width 64, depth 4, 4 heads, MLP 256; 31.5 MFLOP per frame. Measured with
     * {@code EncodeBenchmark} (see the module README) at well over 1,000 frames/s at batch 64.
     */
    public static VitConfig defaults() {
        return new VitConfig(64, 8, 64, 4, 4, 256, 1, PixelNormalization.imagenet());
    }

    /** Patch grid side of the native input. */
    public int grid() {
        return imageSize / patchSize;
    }

    /** Side of the grid the encoder outputs, after {@link #outputPool}. */
    public int outputGrid() {
        return grid() / outputPool;
    }

    public VitConfig withOutputPool(int pool) {
        return new VitConfig(imageSize, patchSize, dim, depth, heads, mlpDim, pool, normalization);
    }

    public VitConfig withImageSize(int size) {
        return new VitConfig(size, patchSize, dim, depth, heads, mlpDim, outputPool, normalization);
    }

    /**
     * Floating-point operations (2 per multiply-add) of one forward pass over an {@code h} x {@code w}
     * input: patch embedding, attention projections, attention itself and the MLPs. Norms, softmax
     * and pooling are left out (they are a few percent).
     */
    public double flopsPerFrame(int h, int w) {
        long n = (long) (h / patchSize) * (w / patchSize);
        long l = n + 1;
        double embed = 2.0 * n * 3 * patchSize * patchSize * dim;
        double projections = 2.0 * l * dim * (3L * dim + dim);
        double attention = 2.0 * 2 * l * l * dim;
        double mlp = 2.0 * 2 * l * dim * mlpDim;
        return embed + depth * (projections + attention + mlp);
    }

    private static void positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + ": expected a positive value, got " + value);
        }
    }
}

package ai.foresight.adaptation.encoder;

/**
 * Which light adapters wrap a frozen encoder (all start at the identity, so an unadapted wrapper gives
 * the base encoder's features exactly).
 *
 * @param color a 3x3 colour mix + bias on the pixels before the encoder ({@link ColorAdapter}); needs an
 *     encoder that can pass gradients to its pixels (a {@code VitPatchEncoder})
 * @param featureAffine a per-channel scale and shift on the patch features ({@link FeatureAdapter})
 * @param residualRank width of a zero-initialised residual bottleneck on the patch features; 0 for none
 * @param pixelChannels hidden channels of a zero-initialised residual convolution on the pixels
 *     ({@link PixelResidualAdapter}, after the colour mix); 0 for none. Like {@code color}, it needs an
 *     encoder that can pass gradients to its pixels
 */
public record AdapterConfig(boolean color, boolean featureAffine, int residualRank, int pixelChannels) {
    /** Hidden channels of the pixel adapter that {@code foresight adapt --adapters pixel} adds. */
    public static final int DEFAULT_PIXEL_CHANNELS = 16;

    public AdapterConfig {
        if (residualRank < 0) {
            throw new IllegalArgumentException("residualRank: expected >= 0, got " + residualRank);
        }
        if (pixelChannels < 0) {
            throw new IllegalArgumentException("pixelChannels: expected >= 0, got " + pixelChannels);
        }
    }

    /** Colour mix on the pixels and a per-channel affine on the features. */
    public static AdapterConfig defaults() {
        return new AdapterConfig(true, true, 0, 0);
    }

    /** Adapters after the encoder only: for encoders that detach their output (TorchScript). */
    public static AdapterConfig featuresOnly() {
        return new AdapterConfig(false, true, 8, 0);
    }

    /** No adapter: only the RePo posterior (when the model has one) is adapted. */
    public static AdapterConfig none() {
        return new AdapterConfig(false, false, 0, 0);
    }

    /** Whether a feature-side adapter exists. */
    public boolean hasFeatureAdapter() {
        return featureAffine || residualRank > 0;
    }

    /** Whether an adapter works on the pixels (so gradients must pass through the frozen encoder). */
    public boolean hasPixelAdapter() {
        return color || pixelChannels > 0;
    }

    /** Whether any adapter exists. */
    public boolean hasAnyAdapter() {
        return hasPixelAdapter() || hasFeatureAdapter();
    }
}

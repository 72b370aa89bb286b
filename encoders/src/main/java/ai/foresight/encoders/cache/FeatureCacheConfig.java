package ai.foresight.encoders.cache;

/**
 * Settings of a {@link FeatureCache}.
 *
 * @param precision how features are stored on disk
 * @param batchSize frames encoded per forward pass while building
 */
public record FeatureCacheConfig(FeaturePrecision precision, int batchSize) {
    public FeatureCacheConfig {
        if (precision == null) {
            throw new IllegalArgumentException("precision: expected FLOAT32 or FLOAT16, got null");
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize: expected a positive value, got " + batchSize);
        }
    }

    /** For tests: float32, 4 frames per pass. */
    public static FeatureCacheConfig tiny() {
        return new FeatureCacheConfig(FeaturePrecision.FLOAT32, 4);
    }

    /** float32, 64 frames per pass (the batch the encoder benchmark measures). */
    public static FeatureCacheConfig defaults() {
        return new FeatureCacheConfig(FeaturePrecision.FLOAT32, 64);
    }

    public FeatureCacheConfig withPrecision(FeaturePrecision p) {
        return new FeatureCacheConfig(p, batchSize);
    }
}

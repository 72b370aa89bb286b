package ai.foresight.encoders.dino;

/**
 * DINO's multi-crop augmentation (Caron et al., 2021, after BYOL and SwAV): two global crops and
 * several small local crops per image, each randomly resized, flipped, colour-jittered, sometimes
 * greyscaled, blurred and (second global view) solarised.
 *
 * @param globalSize side of a global crop in pixels (the encoder's native input)
 * @param localSize side of a local crop in pixels (a multiple of the patch size)
 * @param localCrops local crops per image (0 allowed)
 * @param globalScaleMin smallest area fraction of the source a global crop covers (DINO: 0.4)
 * @param globalScaleMax largest (DINO: 1.0)
 * @param localScaleMin smallest area fraction of a local crop (DINO: 0.05)
 * @param localScaleMax largest (DINO: 0.4)
 * @param jitterProbability chance of colour jitter (DINO: 0.8)
 * @param brightness brightness jitter strength (DINO: 0.4)
 * @param contrast contrast jitter strength (DINO: 0.4)
 * @param saturation saturation jitter strength (DINO: 0.2)
 * @param hue hue jitter as a fraction of the colour circle, at most 0.5 (DINO: 0.1)
 * @param grayscaleProbability chance of a greyscale view (DINO: 0.2)
 * @param blurSigmaMin smallest Gaussian blur sigma in pixels
 * @param blurSigmaMax largest blur sigma (DINO's 0.1–2 at 224 px; scale with the crop)
 * @param solarizeProbability chance of solarising the second global view (DINO: 0.2)
 */
public record MultiCropConfig(
        int globalSize, int localSize, int localCrops,
        double globalScaleMin, double globalScaleMax, double localScaleMin, double localScaleMax,
        double jitterProbability, double brightness, double contrast, double saturation, double hue,
        double grayscaleProbability, double blurSigmaMin, double blurSigmaMax, double solarizeProbability) {

    public MultiCropConfig {
        if (globalSize <= 0 || localSize <= 0) {
            throw new IllegalArgumentException("globalSize/localSize: expected positive sizes, got " + globalSize + ", " + localSize);
        }
        if (localCrops < 0) {
            throw new IllegalArgumentException("localCrops: expected >= 0, got " + localCrops);
        }
        scaleRange("globalScale", globalScaleMin, globalScaleMax);
        scaleRange("localScale", localScaleMin, localScaleMax);
        probability("jitterProbability", jitterProbability);
        probability("grayscaleProbability", grayscaleProbability);
        probability("solarizeProbability", solarizeProbability);
        nonNegative("brightness", brightness);
        nonNegative("contrast", contrast);
        nonNegative("saturation", saturation);
        if (!(hue >= 0 && hue <= 0.5)) {
            throw new IllegalArgumentException("hue: expected [0, 0.5], got " + hue);
        }
        if (!(blurSigmaMin > 0 && blurSigmaMax >= blurSigmaMin)) {
            throw new IllegalArgumentException("blurSigma: expected 0 < min <= max, got " + blurSigmaMin + ", " + blurSigmaMax);
        }
    }

    /** For tests: 32 px global, 16 px local, 2 local crops. */
    public static MultiCropConfig tiny() {
        return new MultiCropConfig(32, 16, 2, 0.4, 1.0, 0.1, 0.4, 0.8, 0.4, 0.4, 0.2, 0.1, 0.2, 0.1, 0.6, 0.2);
    }

    /**
     * For 64 px frames: 64 px global and 6 local crops of 32 px (a 4x4 patch grid at patch 8). The local
     * scale floor is 0.1 rather than DINO's 0.05, since 5% of a 64 px frame is a 14 px sliver; blur
     * sigma is DINO's range scaled from 224 px to 64 px.
     */
    public static MultiCropConfig defaults() {
        return new MultiCropConfig(64, 32, 6, 0.4, 1.0, 0.1, 0.4, 0.8, 0.4, 0.4, 0.2, 0.1, 0.2, 0.1, 0.6, 0.2);
    }

    /** Views per image: 2 global + the local ones. */
    public int views() {
        return 2 + localCrops;
    }

    private static void scaleRange(String field, double min, double max) {
        if (!(min > 0 && min <= max && max <= 1)) {
            throw new IllegalArgumentException(field + ": expected 0 < min <= max <= 1, got " + min + ", " + max);
        }
    }

    private static void probability(String field, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(field + ": expected [0, 1], got " + p);
        }
    }

    private static void nonNegative(String field, double v) {
        if (!(v >= 0)) {
            throw new IllegalArgumentException(field + ": expected >= 0, got " + v);
        }
    }
}

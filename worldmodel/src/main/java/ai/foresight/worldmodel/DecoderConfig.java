package ai.foresight.worldmodel;

/**
 * The optional pixel decoder that renders latent frames (imagined rollouts) as images. It is trained on
 * detached latents, so no pixel gradient reaches the predictor or the posterior (DINO-WM: a decoder
 * gradient into the predictor hurts planning).
 *
 * @param imageSize output frames are imageSize x imageSize x 3, values in [0, 1]; must be a multiple of
 *     the predictor's tokenGrid (each token renders one imageSize/tokenGrid square patch)
 * @param hidden hidden width of the per-token MLP
 */
public record DecoderConfig(int imageSize, int hidden) {
    public DecoderConfig {
        if (imageSize <= 0) {
            throw new IllegalArgumentException("imageSize: expected > 0, got " + imageSize);
        }
        if (hidden <= 0) {
            throw new IllegalArgumentException("hidden: expected > 0, got " + hidden);
        }
    }

    /** 64 px frames (the built-in worlds), hidden 256. */
    public static DecoderConfig defaults() {
        return new DecoderConfig(64, 256);
    }
}

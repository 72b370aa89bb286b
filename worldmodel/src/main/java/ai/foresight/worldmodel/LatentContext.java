package ai.foresight.worldmodel;

import ai.djl.ndarray.NDArray;

/**
 * The observed frames an imagined rollout starts from.
 *
 * @param latents (B, h, n, C) latent frames, oldest first; B is 1 (shared by all candidates) or N
 * @param proprio (B, h, P), or null when the model has no proprio
 * @param pastActions (B, h − 1, k·A) the frame-step actions taken between the context frames, or null when
 *     h = 1
 */
public record LatentContext(NDArray latents, NDArray proprio, NDArray pastActions) {
    public LatentContext {
        if (latents == null || latents.getShape().dimension() != 4) {
            throw new IllegalArgumentException("latents: expected (B, h, n, C), got "
                    + (latents == null ? "null" : latents.getShape()));
        }
        long h = latents.getShape().get(1);
        if (h > 1 && (pastActions == null || pastActions.getShape().dimension() != 3 || pastActions.getShape().get(1) != h - 1)) {
            throw new IllegalArgumentException("pastActions: expected (B, " + (h - 1) + ", k·A) for " + h + " context frames, got "
                    + (pastActions == null ? "null" : pastActions.getShape()));
        }
    }

    /** Context frames h. */
    public int frames() {
        return (int) latents.getShape().get(1);
    }
}

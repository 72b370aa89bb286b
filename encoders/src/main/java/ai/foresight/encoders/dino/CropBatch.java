package ai.foresight.encoders.dino;

/**
 * The multi-crop views of one batch of B images, channel-first floats in 0..1, view-major:
 * {@code globals} is (2·B, 3, G, G) with all first views, then all second views; {@code locals} is
 * (L·B, 3, l, l) in the same order (empty when L = 0).
 */
public record CropBatch(int batch, int globalSize, int localSize, int localViews, float[] globals, float[] locals) {
    public CropBatch {
        if (globals.length != 2L * batch * 3 * globalSize * globalSize) {
            throw new IllegalArgumentException("globals: expected " + (2L * batch * 3 * globalSize * globalSize) + " floats, got " + globals.length);
        }
        if (locals.length != (long) localViews * batch * 3 * localSize * localSize) {
            throw new IllegalArgumentException("locals: expected " + ((long) localViews * batch * 3 * localSize * localSize)
                    + " floats, got " + locals.length);
        }
    }
}

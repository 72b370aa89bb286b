package ai.foresight.datasets.worlds;

import ai.foresight.datasets.image.Frame;

/**
 * Draws Wall frames: a black canvas, a blue wall with its door, and the agent as an additive warm-white
 * Gaussian blob. The background of the last layout drawn is cached, so a frame costs one array copy
 * plus the blob's few dozen pixels.
 */
final class WallRenderer {
    static final int[] BACKGROUND = {0, 0, 0};
    static final int[] WALL = {70, 110, 255};
    static final int[] DOT = {255, 240, 200};

    private final WallConfig config;
    private final int size;
    private final double scale;
    private WallLayout cachedLayout;
    private byte[] cachedBackground;

    WallRenderer(WallConfig config) {
        this.config = config;
        this.size = config.size();
        this.scale = size / WallConfig.CANVAS;
    }

    /** A fresh frame with the dot at (x, y) in front of {@code layout}. */
    Frame render(double x, double y, WallLayout layout) {
        byte[] rgb = background(layout).clone();
        new Raster(rgb, size, size).addGaussianBlob(x * scale, y * scale, config.dotSigma() * scale, DOT);
        return new Frame(size, size, rgb);
    }

    private byte[] background(WallLayout layout) {
        if (!layout.equals(cachedLayout)) {
            byte[] rgb = new byte[size * size * 3];
            Raster raster = new Raster(rgb, size, size);
            raster.fill(BACKGROUND);
            double x0 = (layout.wallX() - config.wallWidth() / 2) * scale;
            double x1 = (layout.wallX() + config.wallWidth() / 2) * scale;
            raster.fillRect(x0, 0, x1, layout.doorLo() * scale, WALL);
            raster.fillRect(x0, layout.doorHi() * scale, x1, size, WALL);
            cachedBackground = rgb;
            cachedLayout = layout;
        }
        return cachedBackground;
    }
}

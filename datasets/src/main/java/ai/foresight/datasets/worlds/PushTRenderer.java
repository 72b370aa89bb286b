package ai.foresight.datasets.worlds;

import ai.foresight.datasets.image.Frame;

/**
 * Draws PushT frames top-down in Diffusion Policy's colours: a near-white floor, the T block in slate
 * grey (one anti-aliased union of its two rectangles, so no seam shows) and the agent as a royal-blue
 * disc on top. The goal is not drawn: planners receive it as its own image.
 */
final class PushTRenderer {
    static final int[] FLOOR = {245, 245, 245};
    static final int[] BLOCK = {119, 136, 153};
    static final int[] AGENT = {65, 105, 225};

    private final PushTConfig config;
    private final TBlockShape shape;
    private final int size;
    private final double scale;
    private final byte[] background;

    PushTRenderer(PushTConfig config, TBlockShape shape) {
        this.config = config;
        this.shape = shape;
        this.size = config.size();
        this.scale = size / config.worldSize();
        this.background = new byte[size * size * 3];
        new Raster(background, size, size).fill(FLOOR);
    }

    /** A fresh frame of state [agent_x, agent_y, block_x, block_y, block_angle, ...]. */
    Frame render(double[] s) {
        byte[] rgb = background.clone();
        Raster raster = new Raster(rgb, size, size);
        double[][][] polygons = shape.worldPolygons(s[2] * scale, s[3] * scale, s[4], scale);
        double[][] xs = new double[polygons.length][];
        double[][] ys = new double[polygons.length][];
        for (int k = 0; k < polygons.length; k++) {
            xs[k] = polygons[k][0];
            ys[k] = polygons[k][1];
        }
        raster.fillConvexUnion(xs, ys, BLOCK);
        raster.fillCircle(s[0] * scale, s[1] * scale, config.agentRadius() * scale, AGENT);
        return new Frame(size, size, rgb);
    }
}

package ai.foresight.datasets.shift;

import ai.foresight.datasets.image.Frame;
import java.util.SplittableRandom;

/**
 * A smooth two-colour noise texture that replaces the background and drifts across it at a
 * constant velocity, wrapping around. The texture is periodic value noise (two octaves, smoothstep
 * interpolation on a lattice that tiles the frame), drawn per episode with its colours and direction.
 */
public final class DriftingTexture extends BackgroundDistractor<DriftingTexture.Config> {
    /** The id in {@link Shifts}. */
    public static final String ID = "texture";

    /**
     * @param cells lattice cells across the frame for the coarse octave
     * @param maxSpeed largest drift in pixels per step
     */
    public record Config(int cells, double maxSpeed) {
        public Config {
            if (cells < 1 || cells > 64) {
                throw new IllegalArgumentException("cells: expected 1..64, got " + cells);
            }
            if (!(maxSpeed >= 0 && maxSpeed <= 64)) {
                throw new IllegalArgumentException("maxSpeed: expected 0..64 pixels per step, got " + maxSpeed);
            }
        }

        /** Four cells across, drifting up to 1.5 px per step. */
        public static Config defaults() {
            return new Config(4, 1.5);
        }
    }

    private byte[] tile = new byte[0];
    private double vx;
    private double vy;

    public DriftingTexture(Config config, long seed) {
        super(ID, config, seed);
    }

    @Override
    void drawEpisode(SplittableRandom r, int height, int width) {
        double hue = r.nextDouble();
        int c1 = ShiftSeeds.hsv(hue, 0.5 + 0.4 * r.nextDouble(), 0.3 + 0.4 * r.nextDouble());
        int c2 = ShiftSeeds.hsv(hue + 0.2 + 0.6 * r.nextDouble(), 0.5 + 0.4 * r.nextDouble(), 0.5 + 0.5 * r.nextDouble());
        double angle = r.nextDouble() * 2 * Math.PI;
        double speed = (0.3 + 0.7 * r.nextDouble()) * config.maxSpeed();
        vx = speed * Math.cos(angle);
        vy = speed * Math.sin(angle);
        float[] coarse = valueNoise(r, config.cells());
        float[] fine = valueNoise(r, config.cells() * 3);
        tile = new byte[height * width * 3];
        for (int p = 0; p < height * width; p++) {
            double v = 0.7 * coarse[p] + 0.3 * fine[p];
            for (int c = 0; c < 3; c++) {
                int a = c1 >> (16 - 8 * c) & 0xFF;
                int b = c2 >> (16 - 8 * c) & 0xFF;
                tile[3 * p + c] = (byte) Math.round(a + (b - a) * v);
            }
        }
    }

    /** Periodic value noise in [0, 1] over the frame, {@code cells} lattice cells across each axis. */
    private float[] valueNoise(SplittableRandom r, int cells) {
        int height = episode().height();
        int width = episode().width();
        float[] lattice = new float[cells * cells];
        for (int i = 0; i < lattice.length; i++) {
            lattice[i] = (float) r.nextDouble();
        }
        float[] out = new float[height * width];
        for (int y = 0; y < height; y++) {
            double gy = (double) y * cells / height;
            int iy = (int) gy;
            double fy = smooth(gy - iy);
            for (int x = 0; x < width; x++) {
                double gx = (double) x * cells / width;
                int ix = (int) gx;
                double fx = smooth(gx - ix);
                double a = lattice[(iy % cells) * cells + ix % cells];
                double b = lattice[(iy % cells) * cells + (ix + 1) % cells];
                double c = lattice[((iy + 1) % cells) * cells + ix % cells];
                double d = lattice[((iy + 1) % cells) * cells + (ix + 1) % cells];
                out[y * width + x] = (float) ((a + (b - a) * fx) * (1 - fy) + (c + (d - c) * fx) * fy);
            }
        }
        return out;
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    @Override
    public void apply(Frame frame, BackgroundMask background, int step) {
        int height = episode().height();
        int width = episode().width();
        int dx = Math.floorMod((long) Math.floor(vx * step), width);
        int dy = Math.floorMod((long) Math.floor(vy * step), height);
        byte[] px = frame.data();
        for (int y = 0; y < height; y++) {
            int srcRow = ((y + dy) % height) * width;
            for (int x = 0; x < width; x++) {
                int p = y * width + x;
                if (background.isBackground(p)) {
                    int s = 3 * (srcRow + (x + dx) % width);
                    px[3 * p] = tile[s];
                    px[3 * p + 1] = tile[s + 1];
                    px[3 * p + 2] = tile[s + 2];
                }
            }
        }
    }
}

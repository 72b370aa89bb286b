package ai.foresight.datasets.shift;

import ai.foresight.datasets.image.Frame;
import java.util.SplittableRandom;

/**
 * A camera colour shift over the whole frame: a hue rotation by an angle drawn once from the seed,
 * using the luminance-preserving RGB matrix of the SVG/CSS {@code hue-rotate} filter (luma weights
 * 0.213, 0.715, 0.072), so greys stay grey and colours turn around the hue circle. The shift is a
 * fixed property of the domain: the same seed gives the same rotation in every episode.
 */
public final class ColorShift implements FrameShift {
    /** The id in {@link Shifts}. */
    public static final String ID = "color-shift";

    /**
     * @param minDegrees smallest hue rotation
     * @param maxDegrees largest hue rotation
     */
    public record Config(double minDegrees, double maxDegrees) {
        public Config {
            if (!(minDegrees <= maxDegrees) || !Double.isFinite(minDegrees) || !Double.isFinite(maxDegrees)) {
                throw new IllegalArgumentException("degrees: expected finite minDegrees <= maxDegrees, got "
                        + minDegrees + ", " + maxDegrees);
            }
        }

        /** A clearly visible shift: 60 to 300 degrees. */
        public static Config defaults() {
            return new Config(60, 300);
        }
    }

    private final double degrees;
    private final double[][] matrix;
    /** lut[out][in][v] = round(matrix[out][in] * v * 1024). */
    private final int[][][] lut = new int[3][3][256];

    public ColorShift(Config config, long seed) {
        SplittableRandom r = new SplittableRandom(ShiftSeeds.mix(seed, 0x636F6C6FL));
        this.degrees = config.minDegrees() + r.nextDouble() * (config.maxDegrees() - config.minDegrees());
        this.matrix = hueRotation(degrees);
        for (int o = 0; o < 3; o++) {
            for (int i = 0; i < 3; i++) {
                for (int v = 0; v < 256; v++) {
                    lut[o][i][v] = (int) Math.round(matrix[o][i] * v * 1024);
                }
            }
        }
    }

    /** The rotation this instance applies, in degrees. */
    public double degrees() {
        return degrees;
    }

    /** The 3x3 matrix mapping (R, G, B) column vectors for a hue rotation of {@code degrees}. */
    public static double[][] hueRotation(double degrees) {
        double c = Math.cos(Math.toRadians(degrees));
        double s = Math.sin(Math.toRadians(degrees));
        return new double[][] {
            {0.213 + c * 0.787 - s * 0.213, 0.715 - c * 0.715 - s * 0.715, 0.072 - c * 0.072 + s * 0.928},
            {0.213 - c * 0.213 + s * 0.143, 0.715 + c * 0.285 + s * 0.140, 0.072 - c * 0.072 - s * 0.283},
            {0.213 - c * 0.213 - s * 0.787, 0.715 - c * 0.715 + s * 0.715, 0.072 + c * 0.928 + s * 0.072},
        };
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void reset(long episodeSeed, int height, int width) {
        // a fixed domain property: nothing varies per episode
    }

    @Override
    public void apply(Frame frame, BackgroundMask background, int step) {
        byte[] px = frame.data();
        for (int i = 0; i < px.length; i += 3) {
            int r = px[i] & 0xFF;
            int g = px[i + 1] & 0xFF;
            int b = px[i + 2] & 0xFF;
            for (int o = 0; o < 3; o++) {
                int v = (lut[o][0][r] + lut[o][1][g] + lut[o][2][b] + 512) >> 10;
                px[i + o] = (byte) Math.max(0, Math.min(255, v));
            }
        }
    }
}

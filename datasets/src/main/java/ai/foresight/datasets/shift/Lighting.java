package ai.foresight.datasets.shift;

import ai.foresight.datasets.image.Frame;
import java.util.SplittableRandom;

/**
 * A lighting change over the whole frame: gamma, overall brightness and a linear illumination
 * gradient across the frame, out = clamp(255 · (in/255)^gamma · brightness · (1 + strength · ramp)),
 * where ramp runs from -1/2 to 1/2 along a direction. All three are drawn once from the seed: like
 * {@link ColorShift} this is a fixed property of the domain, the same in every episode.
 */
public final class Lighting implements FrameShift {
    /** The id in {@link Shifts}. */
    public static final String ID = "lighting";

    /**
     * @param minBrightness smallest brightness factor
     * @param maxBrightness largest brightness factor
     * @param minGamma smallest gamma
     * @param maxGamma largest gamma
     * @param maxGradient largest gradient strength (0 = uniform light)
     */
    public record Config(double minBrightness, double maxBrightness, double minGamma, double maxGamma, double maxGradient) {
        public Config {
            if (!(minBrightness > 0 && minBrightness <= maxBrightness)) {
                throw new IllegalArgumentException("brightness: expected 0 < min <= max, got " + minBrightness + ", " + maxBrightness);
            }
            if (!(minGamma > 0 && minGamma <= maxGamma)) {
                throw new IllegalArgumentException("gamma: expected 0 < min <= max, got " + minGamma + ", " + maxGamma);
            }
            if (!(maxGradient >= 0 && maxGradient < 2)) {
                throw new IllegalArgumentException("maxGradient: expected 0..2, got " + maxGradient);
            }
        }

        /** Brightness 0.6-1.4, gamma 0.7-1.4, gradient up to 0.6. */
        public static Config defaults() {
            return new Config(0.6, 1.4, 0.7, 1.4, 0.6);
        }
    }

    private final double brightness;
    private final double gamma;
    private final double gradient;
    private final double direction;
    private final float[] gammaLut = new float[256];
    private float[] gain = new float[0];
    private int height;
    private int width;

    public Lighting(Config config, long seed) {
        SplittableRandom r = new SplittableRandom(ShiftSeeds.mix(seed, 0x6C696768L));
        brightness = config.minBrightness() + r.nextDouble() * (config.maxBrightness() - config.minBrightness());
        gamma = config.minGamma() + r.nextDouble() * (config.maxGamma() - config.minGamma());
        gradient = r.nextDouble() * config.maxGradient();
        direction = r.nextDouble() * 2 * Math.PI;
        for (int v = 0; v < 256; v++) {
            gammaLut[v] = (float) (255 * Math.pow(v / 255.0, gamma));
        }
    }

    public double brightness() {
        return brightness;
    }

    public double gamma() {
        return gamma;
    }

    public double gradient() {
        return gradient;
    }

    /** Direction the light grows towards, radians from the +x axis (image y points down). */
    public double direction() {
        return direction;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void reset(long episodeSeed, int height, int width) {
        if (height == this.height && width == this.width) {
            return;
        }
        this.height = height;
        this.width = width;
        gain = new float[height * width];
        double c = Math.cos(direction);
        double s = Math.sin(direction);
        double extent = Math.abs(c) * (width - 1) + Math.abs(s) * (height - 1);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double along = extent == 0 ? 0 : (c * (x - (width - 1) / 2.0) + s * (y - (height - 1) / 2.0)) / extent;
                gain[y * width + x] = (float) (brightness * (1 + gradient * along));
            }
        }
    }

    @Override
    public void apply(Frame frame, BackgroundMask background, int step) {
        byte[] px = frame.data();
        for (int p = 0, i = 0; p < gain.length; p++, i += 3) {
            float g = gain[p];
            for (int c = 0; c < 3; c++) {
                int v = Math.round(gammaLut[px[i + c] & 0xFF] * g);
                px[i + c] = (byte) Math.min(255, v);
            }
        }
    }
}

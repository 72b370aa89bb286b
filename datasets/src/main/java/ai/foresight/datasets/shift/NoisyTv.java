package ai.foresight.datasets.shift;

import ai.foresight.datasets.image.Frame;
import java.util.SplittableRandom;

/**
 * A "noisy TV": a rectangle behind the scene whose cells take fresh random colours every step,
 * pure unpredictable noise that a reconstruction-driven model is tempted to spend capacity on
 * (the distraction RePo, Zhu et al. 2023, is built to ignore). Its place and size are drawn per
 * episode; each step's noise derives from (seed, episode, step).
 */
public final class NoisyTv extends BackgroundDistractor<NoisyTv.Config> {
    /** The id in {@link Shifts}. */
    public static final String ID = "tv";

    /**
     * @param minSize smallest side as a fraction of the frame
     * @param maxSize largest side as a fraction of the frame
     * @param cellFraction noise cell side as a fraction of the frame (at least one pixel)
     */
    public record Config(double minSize, double maxSize, double cellFraction) {
        public Config {
            if (!(minSize > 0 && minSize <= maxSize && maxSize <= 1)) {
                throw new IllegalArgumentException("size: expected 0 < minSize <= maxSize <= 1, got " + minSize + ", " + maxSize);
            }
            if (!(cellFraction > 0 && cellFraction <= 1)) {
                throw new IllegalArgumentException("cellFraction: expected 0..1, got " + cellFraction);
            }
        }

        /** A patch of 25-40 % of the frame in cells of 1/16 of the frame. */
        public static Config defaults() {
            return new Config(0.25, 0.40, 1.0 / 16);
        }
    }

    private int top;
    private int left;
    private int patchHeight;
    private int patchWidth;
    private int cell;

    public NoisyTv(Config config, long seed) {
        super(ID, config, seed);
    }

    @Override
    void drawEpisode(SplittableRandom r, int height, int width) {
        double span = config.maxSize() - config.minSize();
        patchHeight = Math.max(1, (int) Math.round((config.minSize() + span * r.nextDouble()) * height));
        patchWidth = Math.max(1, (int) Math.round((config.minSize() + span * r.nextDouble()) * width));
        top = r.nextInt(height - patchHeight + 1);
        left = r.nextInt(width - patchWidth + 1);
        cell = Math.max(1, (int) Math.round(config.cellFraction() * Math.min(height, width)));
    }

    @Override
    public void apply(Frame frame, BackgroundMask background, int step) {
        SplittableRandom r = new SplittableRandom(ShiftSeeds.mix(episode().key(), step));
        for (int cy = 0; cy < patchHeight; cy += cell) {
            for (int cx = 0; cx < patchWidth; cx += cell) {
                int rgb = r.nextInt(1 << 24);
                for (int y = top + cy; y < Math.min(top + patchHeight, top + cy + cell); y++) {
                    for (int x = left + cx; x < Math.min(left + patchWidth, left + cx + cell); x++) {
                        paintBehind(frame, background, y, x, rgb);
                    }
                }
            }
        }
    }
}

package ai.foresight.datasets.shift;

import ai.foresight.datasets.image.Frame;
import java.util.SplittableRandom;

/**
 * What the distractors painted behind the scene ({@link DriftingTexture}, {@link MovingShapes},
 * {@link NoisyTv}) share: an id, a config, a seed, and an episode start that derives one key from
 * (seed, episode seed), remembers the frame size and hands a random stream seeded by that key to
 * {@link #drawEpisode}, so a distractor's look is a pure function of seed, episode and step.
 *
 * @param <C> the distractor's config record
 */
abstract class BackgroundDistractor<C> implements FrameShift {
    private final String id;
    /** The settings the episode parameters are drawn with. */
    final C config;
    private final long seed;
    private Episode episode = new Episode(0, 0, 0);

    /**
     * The current episode.
     *
     * @param key mixed from the seed and the episode seed given to {@link #reset}; seeds the episode's draws
     * @param height frame height given to {@link #reset}
     * @param width frame width given to {@link #reset}
     */
    record Episode(long key, int height, int width) {}

    BackgroundDistractor(String id, C config, long seed) {
        this.id = id;
        this.config = config;
        this.seed = seed;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final void reset(long episodeSeed, int height, int width) {
        episode = new Episode(ShiftSeeds.mix(seed, episodeSeed), height, width);
        drawEpisode(new SplittableRandom(episode.key()), height, width);
    }

    /**
     * Draws this episode's parameters (paths, texture, patch place) for frames of
     * {@code height x width}.
     *
     * @param random a stream seeded by the episode's key, fresh for each episode
     */
    abstract void drawEpisode(SplittableRandom random, int height, int width);

    /** The episode the last {@link #reset} started (key 0 and size 0 x 0 before any). */
    final Episode episode() {
        return episode;
    }

    /** Sets pixel (y, x) of {@code frame} to {@code rgb} (0xRRGGBB) if the clean frame shows background there. */
    static void paintBehind(Frame frame, BackgroundMask background, int y, int x, int rgb) {
        if (background.isBackground(y, x)) {
            frame.set(y, x, rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF);
        }
    }
}

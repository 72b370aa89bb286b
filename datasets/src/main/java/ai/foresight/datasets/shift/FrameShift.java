package ai.foresight.datasets.shift;

import ai.foresight.datasets.image.Frame;

/**
 * A seeded, procedural change to camera frames that leaves the world's state alone: a distractor
 * (moving shapes, drifting texture, a noisy TV, all painted behind the scene) or a domain shift
 * (colour, lighting, applied to the whole frame). These are the "spurious variations" of RePo
 * (Zhu et al., NeurIPS 2023), made procedural because no external videos are available here.
 *
 * <p>A shift's output is a pure function of its seed, the episode seed given to {@link #reset},
 * the step count and the frame, so any frame can be re-rendered and a dataset is reproducible.
 */
public interface FrameShift {

    /** The id it is created by, e.g. {@code tv}. */
    String id();

    /**
     * Starts an episode: draws this episode's parameters (shape paths, texture, patch place) from
     * {@code episodeSeed}; domain shifts (colour, lighting) keep the parameters drawn from their own seed.
     */
    void reset(long episodeSeed, int height, int width);

    /**
     * Changes {@code frame} in place as seen {@code step} control steps after the reset.
     *
     * @param background which pixels of the clean frame are background (distractors paint only there)
     */
    void apply(Frame frame, BackgroundMask background, int step);
}

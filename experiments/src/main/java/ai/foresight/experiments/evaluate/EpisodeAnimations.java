package ai.foresight.experiments.evaluate;

import ai.foresight.datasets.image.Frame;
import ai.foresight.experiments.eval.EpisodeRecord;
import ai.foresight.experiments.report.AnimatedGifWriter;
import ai.foresight.experiments.report.FrameImage;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Animated GIFs of evaluated episodes: what the camera saw, step by step, beside the goal image it was given. */
final class EpisodeAnimations {
    /** Pixels per side each frame is enlarged to. */
    static final int PIXELS = 192;
    private static final int GAP = 4;

    private EpisodeAnimations() {}

    /** Writes {@code record}'s frames beside its goal frame to {@code gif}; false when the episode kept no frames. */
    static boolean write(EpisodeRecord record, Path gif) throws IOException {
        if (record.frames().isEmpty()) {
            return false;
        }
        Frame goalFrame = record.goalFrame();
        int factor = FrameImage.factorFor(goalFrame.height(), PIXELS);
        BufferedImage goal = FrameImage.upscale(FrameImage.of(goalFrame), factor);
        List<BufferedImage> frames = new ArrayList<>(record.frames().size());
        for (Frame f : record.frames()) {
            frames.add(FrameImage.sideBySide(List.of(FrameImage.upscale(FrameImage.of(f), factor), goal), GAP, Color.WHITE));
        }
        new AnimatedGifWriter(AnimatedGifWriter.Options.defaults()).write(frames, gif);
        return true;
    }
}

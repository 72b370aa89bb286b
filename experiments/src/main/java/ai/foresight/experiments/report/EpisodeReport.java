package ai.foresight.experiments.report;

import ai.foresight.datasets.store.Episode;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Pictures of one recorded episode: an animated GIF of every step and a PNG contact sheet of every
 * k-th step. Frames are enlarged with nearest neighbour so small worlds stay readable; when the
 * episode carries clean frames (distractors removed) each picture shows observed | clean.
 */
public final class EpisodeReport {
    private static final Color GAP = new Color(0x20, 0x20, 0x20);
    private static final int GAP_PIXELS = 4;

    /**
     * @param gifPixels side the GIF frames are enlarged to (at least)
     * @param tilePixels side the contact-sheet tiles are enlarged to (at least)
     * @param maxTiles at most this many tiles on the sheet (sets the stride k)
     */
    public record Options(int gifPixels, int tilePixels, int maxTiles, ContactSheet.Layout sheet,
            AnimatedGifWriter.Options gif) {
        public Options {
            if (gifPixels < 1 || tilePixels < 1) {
                throw new IllegalArgumentException("gifPixels/tilePixels: expected at least 1, got " + gifPixels + "/" + tilePixels);
            }
            if (maxTiles < 1) {
                throw new IllegalArgumentException("maxTiles: expected at least 1, got " + maxTiles);
            }
        }

        /** 256 px GIF at 10 fps, a sheet of at most 24 tiles of 128 px in rows of 8. */
        public static Options defaults() {
            return new Options(256, 128, 24, ContactSheet.Layout.defaults(), AnimatedGifWriter.Options.defaults());
        }
    }

    /** What was written: files, number of GIF frames, number of sheet tiles and the sheet stride. */
    public record Written(Path gif, Path contactSheet, int frames, int tiles, int stride, boolean cleanShown) {}

    private final Options options;

    public EpisodeReport(Options options) {
        this.options = options;
    }

    /**
     * Writes {@code dir/<name>.gif} (every step) and {@code dir/<name>-sheet.png} (every k-th step,
     * k chosen so the sheet holds at most {@link Options#maxTiles()} tiles).
     */
    public Written write(Episode episode, Path dir, String name) throws IOException {
        int length = episode.length();
        List<BufferedImage> movie = new ArrayList<>(length);
        for (int t = 0; t < length; t++) {
            movie.add(view(episode, t, options.gifPixels()));
        }
        Path gif = dir.resolve(name + ".gif");
        new AnimatedGifWriter(options.gif()).write(movie, gif);

        int stride = ContactSheet.strideFor(length, options.maxTiles());
        List<BufferedImage> tiles = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (int t : ContactSheet.everyKth(length, stride)) {
            tiles.add(view(episode, t, options.tilePixels()));
            captions.add("t=" + t);
        }
        Path sheet = dir.resolve(name + "-sheet.png");
        ContactSheet.Layout layout = options.sheet();
        if (episode.hasCleanFrames()) { // tiles are twice as wide: half as many per row
            layout = new ContactSheet.Layout(Math.max(1, layout.columns() / 2), layout.padding(), layout.labelHeight());
        }
        new ContactSheet(layout).write(tiles, captions, sheet);
        return new Written(gif, sheet, length, tiles.size(), stride, episode.hasCleanFrames());
    }

    /** Step {@code t} enlarged to at least {@code pixels}: observed, or observed | clean. */
    public static BufferedImage view(Episode episode, int t, int pixels) {
        int factor = FrameImage.factorFor(Math.max(episode.height(), episode.width()), pixels);
        BufferedImage observed = FrameImage.upscale(FrameImage.of(episode.frame(t)), factor);
        if (!episode.hasCleanFrames()) {
            return observed;
        }
        BufferedImage clean = FrameImage.upscale(FrameImage.of(episode.cleanFrame(t)), factor);
        return FrameImage.sideBySide(List.of(observed, clean), GAP_PIXELS, GAP);
    }
}

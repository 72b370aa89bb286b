package ai.foresight.experiments.imagine;

import ai.foresight.datasets.image.Frame;
import ai.foresight.experiments.report.AnimatedGifWriter;
import ai.foresight.experiments.report.FrameImage;
import ai.foresight.experiments.report.LineChart;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Pictures of an {@link ImaginedEpisode}: an animated GIF whose every frame shows the real frame, the
 * decoded imagined frame and the decoder's rendering of the real frame's latent side by side, with the
 * per-step latent error (and the copy-last-frame baseline) plotted underneath and the current step marked;
 * and the same error chart alone as a PNG.
 */
public final class ImagineReport {
    private static final Color BACKGROUND = new Color(0x20, 0x20, 0x20);
    private static final int GAP = 4;
    private static final int LABEL_HEIGHT = 18;
    private static final String[] PANELS = {"real", "imagined", "decoder on real"};

    /**
     * @param panelPixels side of each frame panel (frames are scaled to it, nearest neighbour)
     * @param chartHeight height of the error chart under the frames, pixels
     * @param gif frame delay and looping
     */
    public record Options(int panelPixels, int chartHeight, AnimatedGifWriter.Options gif) {
        public Options {
            if (panelPixels < 16 || panelPixels > 1024) {
                throw new IllegalArgumentException("panelPixels: expected 16..1024, got " + panelPixels);
            }
            if (chartHeight < 100 || chartHeight > 2000) {
                throw new IllegalArgumentException("chartHeight: expected 100..2000, got " + chartHeight);
            }
            if (gif == null) {
                throw new IllegalArgumentException("gif: expected GIF options, got null");
            }
        }

        /** 160 px panels, a 260 px chart, 2 frames per second (a frame step is k world steps). */
        public static Options defaults() {
            return new Options(160, 260, new AnimatedGifWriter.Options(500, true));
        }
    }

    /** What was written. */
    public record Written(Path gif, Path chart, int frames) {}

    private final Options options;

    public ImagineReport(Options options) {
        this.options = options;
    }

    /** Writes {@code dir/<name>.gif} (one frame per imagined step) and {@code dir/<name>-error.png}. */
    public Written write(ImaginedEpisode episode, Path dir, String name) throws IOException {
        List<BufferedImage> movie = new ArrayList<>();
        for (int s = 0; s < episode.steps(); s++) {
            BufferedImage panels = panels(episode, s);
            BufferedImage chart = chart(episode, s).size(panels.getWidth(), options.chartHeight()).render();
            movie.add(stack(panels, chart));
        }
        Path gif = dir.resolve(name + ".gif");
        new AnimatedGifWriter(options.gif()).write(movie, gif);
        Path png = dir.resolve(name + "-error.png");
        chart(episode, -1).writePng(png);
        return new Written(gif, png, movie.size());
    }

    /** The error chart; with {@code current >= 0} a vertical line marks that step. */
    LineChart chart(ImaginedEpisode episode, int current) {
        double[] steps = new double[episode.steps()];
        for (int s = 0; s < steps.length; s++) {
            steps[s] = s + 1;
        }
        LineChart chart = new LineChart("imagined vs real latent, per frame step", "frame step", "latent MSE")
                .add(LineChart.Series.of("imagined", steps, episode.latentError()))
                .add(LineChart.Series.of("copy last frame", steps, episode.copyLastError()));
        if (current >= 0) {
            double top = 0;
            for (int s = 0; s < steps.length; s++) {
                top = Math.max(top, Math.max(episode.latentError()[s], episode.copyLastError()[s]));
            }
            chart.add(LineChart.Series.of("now", new double[] {current + 1, current + 1}, new double[] {0, top}));
        }
        return chart;
    }

    private BufferedImage panels(ImaginedEpisode episode, int s) {
        List<Frame> frames = List.of(episode.real().get(s), episode.imagined().get(s), episode.decodedReal().get(s));
        List<BufferedImage> images = new ArrayList<>();
        for (Frame f : frames) {
            images.add(scaled(FrameImage.of(f), options.panelPixels()));
        }
        BufferedImage row = FrameImage.sideBySide(images, GAP, BACKGROUND);
        BufferedImage labelled = new BufferedImage(row.getWidth(), row.getHeight() + LABEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = labelled.createGraphics();
        try {
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, labelled.getWidth(), labelled.getHeight());
            g.drawImage(row, 0, LABEL_HEIGHT, null);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.setColor(Color.WHITE);
            int x = 0;
            for (int i = 0; i < images.size(); i++) {
                String label = i == 1 ? PANELS[i] + " (step " + (s + 1) + ")" : PANELS[i];
                g.drawString(label, x + 4, LABEL_HEIGHT - 5);
                x += images.get(i).getWidth() + GAP;
            }
        } finally {
            g.dispose();
        }
        return labelled;
    }

    /** {@code image} drawn into a side x side square, nearest neighbour (real and decoded frames differ in size). */
    private static BufferedImage scaled(BufferedImage image, int side) {
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(image, 0, 0, side, side, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage stack(BufferedImage top, BufferedImage bottom) {
        int width = Math.max(top.getWidth(), bottom.getWidth());
        BufferedImage out = new BufferedImage(width, top.getHeight() + bottom.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, out.getHeight());
            g.drawImage(top, 0, 0, null);
            g.drawImage(bottom, 0, top.getHeight(), null);
        } finally {
            g.dispose();
        }
        return out;
    }
}

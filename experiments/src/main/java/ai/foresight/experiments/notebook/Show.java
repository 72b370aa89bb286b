package ai.foresight.experiments.notebook;

import ai.foresight.datasets.env.Observation;
import ai.foresight.datasets.image.Frame;
import ai.foresight.experiments.report.AnimatedGifWriter;
import ai.foresight.experiments.report.ContactSheet;
import ai.foresight.experiments.report.FrameImage;
import ai.foresight.experiments.report.PngFile;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Pictures from a notebook: frames, trajectories and side-by-side comparisons are enlarged (nearest
 * neighbour, so 64 px worlds stay crisp), saved under {@link NotebookFiles#directory()} and the path is
 * printed and returned. JShell cannot show images inline; open the file in any viewer or browser.
 */
public final class Show {
    /** Pictures are enlarged to at least this many pixels per side. */
    public static final int PIXELS = 256;
    private static final Color GAP = new Color(0x20, 0x20, 0x20);

    private Show() {}

    /** One observation's frame as a PNG. */
    public static Path png(Observation observation) {
        return png(observation.frame(), "frame");
    }

    /** One frame as a PNG, named after {@code label}. */
    public static Path png(Frame frame, String label) {
        BufferedImage image = enlarged(frame);
        Path file = NotebookFiles.next(label, "png");
        write(() -> PngFile.write(image, file));
        return said(file, "PNG " + image.getWidth() + "x" + image.getHeight());
    }

    /** Frames left to right with captions under them (e.g. observed | clean | goal), as one PNG. */
    public static Path sideBySide(List<Frame> frames, List<String> captions, String label) {
        List<BufferedImage> tiles = new ArrayList<>();
        for (Frame f : frames) {
            tiles.add(enlarged(f));
        }
        Path file = NotebookFiles.next(label, "png");
        BufferedImage[] sheet = new BufferedImage[1];
        write(() -> sheet[0] = new ContactSheet(new ContactSheet.Layout(frames.size(), 4, 16)).write(tiles, captions, file));
        return said(file, "PNG " + sheet[0].getWidth() + "x" + sheet[0].getHeight() + ", " + String.join(" | ", captions));
    }

    /** A distracted world's camera frame next to the clean frame of the same state: {@code shifted | clean}. */
    public static Path shift(World world) {
        String ids = world.distractors().isEmpty() ? "none" : String.join("+", world.distractors());
        return sideBySide(List.of(world.observe().frame(), world.clean().frame()), List.of(ids, "clean"), "shift-" + ids);
    }

    /** A trajectory as a looping GIF: each frame next to the goal image. */
    public static Path gif(Trajectory trajectory) {
        List<BufferedImage> movie = new ArrayList<>();
        BufferedImage goal = trajectory.goalFrame() == null ? null : enlarged(trajectory.goalFrame());
        for (Frame f : trajectory.frames()) {
            BufferedImage frame = enlarged(f);
            movie.add(goal == null ? frame : FrameImage.sideBySide(List.of(frame, goal), 4, GAP));
        }
        return writeGif(movie, trajectory.label());
    }

    /** Frames as a looping GIF at 10 frames per second. */
    public static Path gif(List<Frame> frames, String label) {
        List<BufferedImage> movie = new ArrayList<>();
        for (Frame f : frames) {
            movie.add(enlarged(f));
        }
        return writeGif(movie, label);
    }

    /** Every k-th frame of a trajectory on one captioned PNG sheet (t=0, t=k, …). */
    public static Path sheet(Trajectory trajectory) {
        List<Frame> frames = trajectory.frames();
        int stride = ContactSheet.strideFor(frames.size(), 16);
        List<BufferedImage> tiles = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (int t : ContactSheet.everyKth(frames.size(), stride)) {
            tiles.add(FrameImage.upscale(FrameImage.of(frames.get(t)), FrameImage.factorFor(frames.get(t).width(), 128)));
            captions.add("t=" + t);
        }
        Path file = NotebookFiles.next(trajectory.label() + "-sheet", "png");
        write(() -> new ContactSheet(ContactSheet.Layout.defaults()).write(tiles, captions, file));
        return said(file, "PNG sheet of " + tiles.size() + " frames (every " + stride + ")");
    }

    private static Path writeGif(List<BufferedImage> movie, String label) {
        Path file = NotebookFiles.next(label, "gif");
        write(() -> new AnimatedGifWriter(AnimatedGifWriter.Options.defaults()).write(movie, file));
        BufferedImage first = movie.get(0);
        return said(file, "GIF " + movie.size() + " frames, " + first.getWidth() + "x" + first.getHeight());
    }

    static BufferedImage enlarged(Frame frame) {
        int factor = FrameImage.factorFor(Math.max(frame.height(), frame.width()), PIXELS);
        return FrameImage.upscale(FrameImage.of(frame), factor);
    }

    private interface Writing {
        void run() throws IOException;
    }

    private static void write(Writing writing) {
        try {
            writing.run();
        } catch (IOException e) {
            throw new UncheckedIOException("notebook picture: could not write under " + NotebookFiles.directory(), e);
        }
    }

    private static Path said(Path file, String what) {
        System.out.println("saved " + what + " -> " + file);
        return file;
    }
}

package ai.foresight.encoders.dino;

import ai.foresight.datasets.image.Frame;
import ai.foresight.encoders.FrameSource;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded toy images: a coloured square or disc at a random place on a coloured background. */
final class SyntheticFrames {
    private SyntheticFrames() {}

    static FrameSource source(int episodes, int length, int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<List<Frame>> out = new ArrayList<>();
        for (int e = 0; e < episodes; e++) {
            List<Frame> frames = new ArrayList<>();
            for (int t = 0; t < length; t++) {
                frames.add(frame(size, r));
            }
            out.add(frames);
        }
        return FrameSource.of(out);
    }

    static Frame frame(int size, SplittableRandom r) {
        return frame(size, r, new double[3]);
    }

    /** One frame; {@code target} receives the shape's centre x, centre y and radius in pixels. */
    static Frame frame(int size, SplittableRandom r, double[] target) {
        Frame f = Frame.blank(size, size);
        int[] bg = {r.nextInt(80), r.nextInt(80), r.nextInt(80)};
        int[] fg = {120 + r.nextInt(136), 120 + r.nextInt(136), 120 + r.nextInt(136)};
        boolean disc = r.nextBoolean();
        int radius = size / 8 + r.nextInt(size / 6);
        int cx = radius + r.nextInt(size - 2 * radius);
        int cy = radius + r.nextInt(size - 2 * radius);
        target[0] = cx;
        target[1] = cy;
        target[2] = radius;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int dx = x - cx;
                int dy = y - cy;
                boolean inside = disc ? dx * dx + dy * dy <= radius * radius : Math.abs(dx) <= radius && Math.abs(dy) <= radius;
                int[] c = inside ? fg : bg;
                f.set(y, x, c[0], c[1], c[2]);
            }
        }
        return f;
    }
}

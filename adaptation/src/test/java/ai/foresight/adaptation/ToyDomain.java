package ai.foresight.adaptation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * A toy visual domain for alignment tests: 32 px scenes of a coloured background with a coloured square
 * that moves by twice the summed actions of each frame step, and a target domain that is the same scenes
 * with the colour channels permuted (R, G, B) → (G, B, R). The known answer: the colour mix that undoes the
 * permutation, {@link #INVERSE_MIXING}.
 */
final class ToyDomain {
    static final int SIZE = 32;
    static final int FRAMESKIP = 2;
    /** mixing[i][o] of the ColorAdapter that maps target pixels back to source pixels. */
    static final float[][] INVERSE_MIXING = {{0, 1, 0}, {0, 0, 1}, {1, 0, 0}};

    private ToyDomain() {}

    /** One scene: background colour, square colour and the square's top-left corner. */
    private static void paint(float[] chw, int offset, float[] background, float[] color, double x, double y) {
        int plane = SIZE * SIZE;
        for (int c = 0; c < 3; c++) {
            for (int r = 0; r < SIZE; r++) {
                for (int k = 0; k < SIZE; k++) {
                    boolean inside = r >= y && r < y + 8 && k >= x && k < x + 8;
                    chw[offset + c * plane + r * SIZE + k] = inside ? color[c] : background[c];
                }
            }
        }
    }

    /** Warm backgrounds (red high, blue low) and cool squares, so a channel permutation changes the marginal. */
    private static float[] background(Random r) {
        return new float[] {0.6f + 0.35f * r.nextFloat(), 0.2f + 0.5f * r.nextFloat(), 0.05f + 0.2f * r.nextFloat()};
    }

    private static float[] square(Random r) {
        return new float[] {0.05f + 0.2f * r.nextFloat(), 0.3f + 0.5f * r.nextFloat(), 0.6f + 0.35f * r.nextFloat()};
    }

    /** n independent source scenes, (n, 3, 32, 32). */
    static NDArray scenes(NDManager m, long seed, int n) {
        Random r = new Random(seed);
        float[] data = new float[n * 3 * SIZE * SIZE];
        for (int i = 0; i < n; i++) {
            paint(data, i * 3 * SIZE * SIZE, background(r), square(r), r.nextInt(SIZE - 8), r.nextInt(SIZE - 8));
        }
        return m.create(data, new Shape(n, 3, SIZE, SIZE));
    }

    /** The target camera: channels (R, G, B) → (G, B, R), for (…, 3, H, W) pixels. */
    static NDArray toTarget(NDArray pixels) {
        int axis = pixels.getShape().dimension() - 3;
        String prefix = ":, ".repeat(axis);
        return pixels.get(new NDIndex(prefix + "{}", pixels.getManager().create(new int[] {1, 2, 0})));
    }

    /**
     * b windows of t frames of a moving square: source frames, the k·A = 4 actions between frames and the
     * square's position as proprio (scaled to about unit range).
     */
    static Windows windows(NDManager m, long seed, int b, int t) {
        Random r = new Random(seed);
        int frame = 3 * SIZE * SIZE;
        float[] frames = new float[b * t * frame];
        float[] actions = new float[b * (t - 1) * 2 * FRAMESKIP];
        float[] proprio = new float[b * t * 2];
        for (int i = 0; i < b; i++) {
            float[] background = background(r);
            float[] color = square(r);
            double x = 4 + r.nextInt(SIZE - 16);
            double y = 4 + r.nextInt(SIZE - 16);
            for (int j = 0; j < t; j++) {
                paint(frames, (i * t + j) * frame, background, color, x, y);
                proprio[(i * t + j) * 2] = (float) ((x - 12) / 8);
                proprio[(i * t + j) * 2 + 1] = (float) ((y - 12) / 8);
                if (j < t - 1) {
                    double dx = 0;
                    double dy = 0;
                    for (int k = 0; k < FRAMESKIP; k++) {
                        float ax = (float) (r.nextDouble() * 2 - 1);
                        float ay = (float) (r.nextDouble() * 2 - 1);
                        int at = ((i * (t - 1) + j) * FRAMESKIP + k) * 2;
                        actions[at] = ax;
                        actions[at + 1] = ay;
                        dx += ax;
                        dy += ay;
                    }
                    x = Math.max(0, Math.min(SIZE - 8, x + 2 * dx));
                    y = Math.max(0, Math.min(SIZE - 8, y + 2 * dy));
                }
            }
        }
        return new Windows(m.create(frames, new Shape(b, t, 3, SIZE, SIZE)),
                m.create(actions, new Shape(b, t - 1, 2 * FRAMESKIP)), m.create(proprio, new Shape(b, t, 2)));
    }

    /**
     * @param frames (B, T, 3, 32, 32) source-domain frames
     * @param actions (B, T − 1, 4)
     * @param proprio (B, T, 2)
     */
    record Windows(NDArray frames, NDArray actions, NDArray proprio) {
        /** The target view of these windows, paired with their source frames when {@code paired}. */
        TargetBatch target(boolean withProprio, boolean paired) {
            return new TargetBatch(toTarget(frames), actions, withProprio ? proprio : null, paired ? frames : null);
        }
    }
}

package ai.foresight.datasets.shift;

import ai.foresight.datasets.image.Frame;
import java.util.HashMap;
import java.util.Map;

/**
 * Which pixels of a clean frame are background, so that distractors appear behind the scene.
 *
 * <p>The rule: the world's background colour is the most frequent exact RGB value of the clean
 * frame rendered at reset ({@link #dominantColour}; ties go to the smaller packed value). A pixel is
 * background when each of its channels lies within {@code tolerance} of that colour. Every built-in
 * world draws on a flat background, so this needs no knowledge of the world; pixels of anti-aliased
 * edges that differ by more than the tolerance count as foreground and stay untouched.
 */
public final class BackgroundMask {
    private boolean[] background = new boolean[0];
    private int height;
    private int width;

    /** Recomputes the mask of {@code clean} for {@code colour} (0xRRGGBB), reusing its storage. */
    public void update(Frame clean, int colour, int tolerance) {
        height = clean.height();
        width = clean.width();
        int n = height * width;
        if (background.length != n) {
            background = new boolean[n];
        }
        int r = colour >> 16 & 0xFF;
        int g = colour >> 8 & 0xFF;
        int b = colour & 0xFF;
        byte[] px = clean.data();
        for (int p = 0, i = 0; p < n; p++, i += 3) {
            background[p] = Math.abs((px[i] & 0xFF) - r) <= tolerance && Math.abs((px[i + 1] & 0xFF) - g) <= tolerance
                    && Math.abs((px[i + 2] & 0xFF) - b) <= tolerance;
        }
    }

    /** Whether pixel (y, x) is background. */
    public boolean isBackground(int y, int x) {
        return background[y * width + x];
    }

    /** Whether pixel {@code p} (row-major index y·W + x) is background. */
    public boolean isBackground(int p) {
        return background[p];
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Number of background pixels. */
    public int count() {
        int c = 0;
        for (boolean b : background) {
            if (b) {
                c++;
            }
        }
        return c;
    }

    /** The most frequent exact colour of {@code frame} as 0xRRGGBB (ties: the smaller value). */
    public static int dominantColour(Frame frame) {
        Map<Integer, Integer> counts = new HashMap<>();
        byte[] px = frame.data();
        for (int i = 0; i < px.length; i += 3) {
            counts.merge((px[i] & 0xFF) << 16 | (px[i + 1] & 0xFF) << 8 | (px[i + 2] & 0xFF), 1, Integer::sum);
        }
        int best = 0;
        int bestCount = -1;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey() < best)) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }
}

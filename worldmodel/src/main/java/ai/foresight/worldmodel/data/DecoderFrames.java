package ai.foresight.worldmodel.data;

import ai.foresight.datasets.image.Frame;
import ai.foresight.datasets.store.Episode;
import ai.foresight.encoders.FramePixels;
import java.util.Arrays;

/**
 * The targets of a pixel decoder: an episode's observed frames at S x S, channel first, in [0, 1].
 *
 * <p>When S divides the frame's height and width (the built-in worlds are 64 px), each output pixel is the exact
 * mean of its (H/S) x (W/S) box of source pixels, without rounding to bytes. Other sizes go through
 * {@link FramePixels#resize} (OpenCV area averaging when shrinking, bilinear when enlarging, rounded to bytes).
 */
final class DecoderFrames {
    private DecoderFrames() {}

    /** Every frame of {@code episode} at {@code size} x {@code size}: (T, 3, S, S) row-major. */
    static float[] of(Episode episode, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size: expected a frame side >= 1, got " + size);
        }
        int h = episode.height();
        int w = episode.width();
        int frameBytes = h * w * 3;
        int plane = 3 * size * size;
        float[] out = new float[Math.multiplyExact(episode.length(), plane)];
        byte[] obs = episode.obs();
        boolean box = h % size == 0 && w % size == 0;
        for (int t = 0; t < episode.length(); t++) {
            if (box) {
                boxAverage(obs, t * frameBytes, h, w, size, out, t * plane);
            } else {
                Frame frame = new Frame(h, w, Arrays.copyOfRange(obs, t * frameBytes, (t + 1) * frameBytes));
                FramePixels.writeChw(FramePixels.resize(frame, size, size), out, t * plane);
            }
        }
        return out;
    }

    /** The (H, W, 3) bytes at {@code from} averaged over (H/S) x (W/S) boxes into (3, S, S) floats at {@code to}. */
    private static void boxAverage(byte[] rgb, int from, int h, int w, int size, float[] dst, int to) {
        int by = h / size;
        int bx = w / size;
        float scale = 1f / (by * bx * 255f);
        int hw = size * size;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int r = 0;
                int g = 0;
                int b = 0;
                for (int dy = 0; dy < by; dy++) {
                    int row = from + ((y * by + dy) * w + x * bx) * 3;
                    for (int dx = 0; dx < bx; dx++) {
                        int i = row + 3 * dx;
                        r += rgb[i] & 0xFF;
                        g += rgb[i + 1] & 0xFF;
                        b += rgb[i + 2] & 0xFF;
                    }
                }
                int p = to + y * size + x;
                dst[p] = r * scale;
                dst[p + hw] = g * scale;
                dst[p + 2 * hw] = b * scale;
            }
        }
    }
}

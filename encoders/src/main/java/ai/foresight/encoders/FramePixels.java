package ai.foresight.encoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.foresight.datasets.image.Frame;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Converts {@link Frame}s, (H, W, 3) uint8, into the encoder input (B, 3, H, W) float32 in 0..1,
 * resizing with OpenCV where a frame's size differs from the encoder's (area averaging when
 * shrinking, bilinear when enlarging).
 */
public final class FramePixels {
    private FramePixels() {}

    /**
     * Stacks {@code frames} into (B, 3, height, width), resizing each frame that needs it.
     *
     * @throws IllegalArgumentException if {@code frames} is empty or a size is not positive
     */
    public static NDArray toBatch(NDManager manager, List<Frame> frames, int height, int width) {
        if (frames == null || frames.isEmpty()) {
            throw new IllegalArgumentException("frames: expected at least one frame, got none");
        }
        checkSize(height, width);
        int plane = height * width * 3;
        float[] data = new float[frames.size() * plane];
        for (int i = 0; i < frames.size(); i++) {
            writeChw(resize(frames.get(i), height, width), data, i * plane);
        }
        return manager.create(data, new Shape(frames.size(), 3, height, width));
    }

    /** Writes {@code frame} as channel-first floats in 0..1 into {@code dst} from {@code offset}. */
    public static void writeChw(Frame frame, float[] dst, int offset) {
        int h = frame.height();
        int w = frame.width();
        int hw = h * w;
        if (offset < 0 || offset + 3 * hw > dst.length) {
            throw new IllegalArgumentException("dst: expected room for " + (3 * hw) + " floats at " + offset + ", length " + dst.length);
        }
        byte[] rgb = frame.data();
        for (int p = 0; p < hw; p++) {
            dst[offset + p] = (rgb[3 * p] & 0xFF) / 255f;
            dst[offset + hw + p] = (rgb[3 * p + 1] & 0xFF) / 255f;
            dst[offset + 2 * hw + p] = (rgb[3 * p + 2] & 0xFF) / 255f;
        }
    }

    /** {@code frame} at {@code height} x {@code width}; the same object when the size already matches. */
    public static Frame resize(Frame frame, int height, int width) {
        checkSize(height, width);
        if (frame.height() == height && frame.width() == width) {
            return frame;
        }
        boolean shrinking = height <= frame.height() && width <= frame.width();
        try (BytePointer src = new BytePointer(frame.data());
                Mat in = new Mat(frame.height(), frame.width(), opencv_core.CV_8UC3, src);
                Mat out = new Mat();
                Size size = new Size(width, height)) {
            opencv_imgproc.resize(in, out, size, 0, 0,
                    shrinking ? opencv_imgproc.INTER_AREA : opencv_imgproc.INTER_LINEAR);
            byte[] bytes = new byte[height * width * 3];
            out.data().get(bytes);
            return new Frame(height, width, bytes);
        }
    }

    private static void checkSize(int height, int width) {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("size: expected positive height and width, got " + height + "x" + width);
        }
    }
}

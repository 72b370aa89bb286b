package ai.foresight.datasets.image;

import java.util.Arrays;

/**
 * An RGB image stored row-major as interleaved bytes, (H, W, 3) uint8 — the layout numpy and
 * OpenCV ({@code CV_8UC3}, after a BGR swap) use, so frames move between them without reshaping.
 */
public final class Frame {
    private final int height;
    private final int width;
    private final byte[] rgb;

    /** Wraps {@code rgb} (length H*W*3) without copying. */
    public Frame(int height, int width, byte[] rgb) {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("frame size: expected positive height and width, got " + height + "x" + width);
        }
        if (rgb == null || rgb.length != height * width * 3) {
            throw new IllegalArgumentException("rgb: expected " + (height * width * 3) + " bytes for " + height + "x"
                    + width + "x3, got " + (rgb == null ? "null" : rgb.length));
        }
        this.height = height;
        this.width = width;
        this.rgb = rgb;
    }

    /** A black frame. */
    public static Frame blank(int height, int width) {
        return new Frame(height, width, new byte[height * width * 3]);
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** The backing bytes, (H, W, 3) row-major; mutating them mutates the frame. */
    public byte[] data() {
        return rgb;
    }

    /** Channel {@code c} (0 = R) of pixel (y, x) as 0..255. */
    public int get(int y, int x, int c) {
        return rgb[(y * width + x) * 3 + c] & 0xFF;
    }

    public void set(int y, int x, int r, int g, int b) {
        int i = (y * width + x) * 3;
        rgb[i] = (byte) r;
        rgb[i + 1] = (byte) g;
        rgb[i + 2] = (byte) b;
    }

    public Frame copy() {
        return new Frame(height, width, rgb.clone());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && f.height == height && f.width == width && Arrays.equals(f.rgb, rgb);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * height + width) + Arrays.hashCode(rgb);
    }

    @Override
    public String toString() {
        long sum = 0;
        for (byte b : rgb) {
            sum += b & 0xFF;
        }
        return String.format("Frame[%dx%dx3, mean %.1f]", height, width, sum / (double) rgb.length);
    }
}

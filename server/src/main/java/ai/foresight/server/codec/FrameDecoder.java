package ai.foresight.server.codec;

import ai.foresight.datasets.image.Frame;
import ai.foresight.server.core.ApiException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes client images into (H, W, 3) uint8 frames of exactly the model's size.
 *
 * <p>Encoded images must be PNG or JPEG (recognised by their magic bytes); their declared size is read from the
 * header and checked against the model before any pixel is decoded, so a tiny file claiming a huge canvas cannot
 * exhaust memory. Raw arrays are accepted channels-last as uint8 ({@code uint8}, {@code u1}, {@code |u1}) or as
 * float32 in [0, 1] ({@code float32}, {@code f4}, {@code <f4}, {@code >f4}), converted with round(v * 255).
 */
public final class FrameDecoder {

    private final int height;
    private final int width;

    public FrameDecoder(int height, int width) {
        this.height = height;
        this.width = width;
    }

    /**
     * Decodes a PNG or JPEG file.
     *
     * @param field the image's name in the request, for error messages
     */
    public Frame decodeEncoded(byte[] bytes, String field) {
        if (!isPng(bytes) && !isJpeg(bytes)) {
            throw ApiException.badRequest("invalid_image", field, "expected a PNG or JPEG file (or a raw array "
                    + "{data, shape, dtype}), got " + bytes.length + " bytes without a PNG/JPEG signature");
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw ApiException.badRequest("invalid_image", field, "expected a readable PNG or JPEG file");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                requireSize(field, h, w);
                return toFrame(reader.read(0));
            } finally {
                reader.dispose();
            }
        } catch (ApiException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ApiException.badRequest("invalid_image", field, "expected a valid PNG or JPEG file; the file is "
                    + "truncated or corrupt");
        }
    }

    /**
     * Builds a frame from a raw channels-last array.
     *
     * @param data  the array's bytes, row-major
     * @param shape the declared shape; must be (H, W, 3)
     * @param dtype numpy-style dtype name
     * @param field the image's name in the request; errors name {@code field.shape}, {@code field.dtype},
     *              {@code field.data}
     */
    public Frame decodeRaw(byte[] data, long[] shape, String dtype, String field) {
        if (shape.length != 3 || shape[2] != 3) {
            String hint = shape.length == 3 && shape[0] == 3 ? " (channels-first; send channels-last (H, W, 3))" : "";
            throw ApiException.badRequest("invalid_shape", field + ".shape", "expected [" + height + ", " + width
                    + ", 3], got " + Arrays.toString(shape) + hint);
        }
        requireSize(field + ".shape", shape[0], shape[1]);
        int pixels = height * width * 3;
        ElementType type = ElementType.of(dtype);
        if (type == null) {
            throw ApiException.badRequest("invalid_dtype", field + ".dtype",
                    "expected uint8 (\"uint8\", \"|u1\") or float32 in [0, 1] (\"float32\", \"<f4\"), got \"" + dtype
                            + "\"");
        }
        long expectedBytes = (long) pixels * type.bytes;
        if (data.length != expectedBytes) {
            throw ApiException.badRequest("invalid_length", field + ".data", "expected " + expectedBytes
                    + " bytes for shape " + Arrays.toString(shape) + " " + dtype + ", got " + data.length);
        }
        if (type == ElementType.UINT8) {
            return new Frame(height, width, data.clone());
        }
        ByteBuffer floats = ByteBuffer.wrap(data).order(type.order);
        byte[] rgb = new byte[pixels];
        for (int i = 0; i < pixels; i++) {
            float v = floats.getFloat(i * 4);
            if (!(v >= 0f && v <= 1f)) {
                throw ApiException.badRequest("out_of_range", field + ".data", "expected float32 values in [0, 1], got "
                        + v + " at flat index " + i);
            }
            rgb[i] = (byte) Math.round(v * 255f);
        }
        return new Frame(height, width, rgb);
    }

    private void requireSize(String field, long h, long w) {
        if (h != height || w != width) {
            throw ApiException.badRequest("invalid_image_size", field, "expected an image of height " + height
                    + " and width " + width + " (the model's input size; resize on the client), got " + h + "x" + w);
        }
    }

    private Frame toFrame(BufferedImage image) {
        byte[] rgb = new byte[height * width * 3];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                rgb[i] = (byte) (row[x] >> 16);
                rgb[i + 1] = (byte) (row[x] >> 8);
                rgb[i + 2] = (byte) row[x];
            }
        }
        return new Frame(height, width, rgb);
    }

    private static boolean isPng(byte[] b) {
        return b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    private static boolean isJpeg(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
    }

    /** Element types a raw image may use. */
    private enum ElementType {
        UINT8(1, ByteOrder.LITTLE_ENDIAN), FLOAT32_LE(4, ByteOrder.LITTLE_ENDIAN), FLOAT32_BE(4, ByteOrder.BIG_ENDIAN);

        final int bytes;
        final ByteOrder order;

        ElementType(int bytes, ByteOrder order) {
            this.bytes = bytes;
            this.order = order;
        }

        static ElementType of(String dtype) {
            if (dtype == null) {
                return null;
            }
            return switch (dtype) {
                case "uint8", "u1", "|u1", "<u1", ">u1", "=u1" -> UINT8;
                case "float32", "f4", "<f4", "=f4" -> FLOAT32_LE;
                case ">f4" -> FLOAT32_BE;
                default -> null;
            };
        }
    }
}

package ai.foresight.server.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.datasets.image.Frame;
import ai.foresight.server.core.ApiException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    private final FrameDecoder decoder = new FrameDecoder(12, 10);

    private static Frame gradient() {
        Frame f = Frame.blank(12, 10);
        for (int y = 0; y < 12; y++) {
            for (int x = 0; x < 10; x++) {
                f.set(y, x, x * 25, y * 20, 128);
            }
        }
        return f;
    }

    private static byte[] encode(Frame frame, String format) throws IOException {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                image.setRGB(x, y, (frame.get(y, x, 0) << 16) | (frame.get(y, x, 1) << 8) | frame.get(y, x, 2));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    @Test
    void pngDecodesPixelExact() throws IOException {
        assertEquals(gradient(), decoder.decodeEncoded(encode(gradient(), "png"), "image"));
    }

    @Test
    void jpegDecodesCloseToTheSource() throws IOException {
        Frame decoded = decoder.decodeEncoded(encode(gradient(), "jpg"), "image");
        double error = 0;
        for (int i = 0; i < decoded.data().length; i++) {
            error += Math.abs((decoded.data()[i] & 0xFF) - (gradient().data()[i] & 0xFF));
        }
        assertTrue(error / decoded.data().length < 12, "mean abs error " + error / decoded.data().length);
    }

    @Test
    void aHugeDeclaredCanvasIsRejectedFromTheHeaderAlone() {
        byte[] bomb = pngHeader(100_000, 100_000);
        ApiException e = assertThrows(ApiException.class, () -> decoder.decodeEncoded(bomb, "image"));
        assertEquals("invalid_image_size", e.code());
        assertTrue(e.getMessage().contains("100000x100000"), e.getMessage());
    }

    @Test
    void rawArraysInUint8AndFloat32() {
        Frame source = gradient();
        assertEquals(source, decoder.decodeRaw(source.data(), new long[] {12, 10, 3}, "|u1", "image"));
        ByteBuffer big = ByteBuffer.allocate(source.data().length * 4);
        for (byte b : source.data()) {
            big.putFloat((b & 0xFF) / 255f);
        }
        assertEquals(source, decoder.decodeRaw(big.array(), new long[] {12, 10, 3}, ">f4", "image"));
        byte[] nan = new byte[source.data().length * 4];
        ByteBuffer.wrap(nan).putFloat(4 * 5, Float.NaN);
        ApiException e = assertThrows(ApiException.class,
                () -> decoder.decodeRaw(nan, new long[] {12, 10, 3}, ">f4", "image"));
        assertEquals("image.data", e.field());
        assertTrue(e.getMessage().contains("flat index 5"), e.getMessage());
    }

    @Test
    void finiteVectorsNameTheElement() {
        assertArrayEquals(new float[] {1, 2}, FiniteVectors.toFloats(new double[] {1, 2}, "proprio", 2));
        assertEquals("proprio", assertThrows(ApiException.class,
                () -> FiniteVectors.toFloats(new double[] {1}, "proprio", 2)).field());
        assertEquals("proprio[1]", assertThrows(ApiException.class,
                () -> FiniteVectors.toFloats(new double[] {1, Double.NEGATIVE_INFINITY}, "proprio", 2)).field());
        assertEquals("proprio[0]", assertThrows(ApiException.class,
                () -> FiniteVectors.toFloats(new double[] {4e38, 0}, "proprio", 2)).field());
    }

    /** A PNG signature plus a valid IHDR chunk declaring the given size, and nothing else. */
    private static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes()).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0)
                .put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        return png.array();
    }
}

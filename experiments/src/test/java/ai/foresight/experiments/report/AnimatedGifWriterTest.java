package ai.foresight.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnimatedGifWriterTest {
    @TempDir
    Path tmp;

    /** Frame i is a solid colour with a white pixel at (i, i), so frames can be told apart. */
    private static List<BufferedImage> frames(int n, int w, int h) {
        List<BufferedImage> frames = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    image.setRGB(x, y, 0x102030 + i * 0x100000);
                }
            }
            image.setRGB(i, i, 0xFFFFFF);
            frames.add(image);
        }
        return frames;
    }

    @Test
    void roundTripKeepsFrameCountSizePixelsDelayAndLoop() throws IOException {
        Path file = tmp.resolve("movie.gif");
        new AnimatedGifWriter(new AnimatedGifWriter.Options(200, true)).write(frames(5, 32, 24), file);

        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            assertEquals(5, reader.getNumImages(true));
            for (int i = 0; i < 5; i++) {
                BufferedImage frame = reader.read(i);
                assertEquals(32, frame.getWidth());
                assertEquals(24, frame.getHeight());
                assertEquals(0xFFFFFF, frame.getRGB(i, i) & 0xFFFFFF, "marker pixel of frame " + i);
                assertEquals(0x102030 + i * 0x100000, frame.getRGB(31, 23) & 0xFFFFFF, "background of frame " + i);
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode control = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                assertEquals("20", control.getAttribute("delayTime"));
            }
            IIOMetadataNode first = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode app = (IIOMetadataNode) first.getElementsByTagName("ApplicationExtension").item(0);
            assertEquals("NETSCAPE", app.getAttribute("applicationID"));
            byte[] loop = (byte[]) app.getUserObject();
            assertEquals(0, loop[1] | loop[2] << 8, "loop count 0 means forever");
        } finally {
            reader.dispose();
        }
        try (var listing = Files.list(tmp)) {
            assertEquals(List.of(file), listing.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void rejectsEmptyOrMixedSizeInput() {
        AnimatedGifWriter writer = new AnimatedGifWriter(AnimatedGifWriter.Options.defaults());
        assertThrows(IllegalArgumentException.class, () -> writer.write(List.of(), tmp.resolve("a.gif")));
        List<BufferedImage> mixed = new ArrayList<>(frames(2, 8, 8));
        mixed.add(new BufferedImage(9, 8, BufferedImage.TYPE_INT_RGB));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> writer.write(mixed, tmp.resolve("b.gif")));
        assertTrue(error.getMessage().startsWith("frames[2]"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AnimatedGifWriter.Options(5, true));
    }
}

package ai.foresight.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.foresight.datasets.image.Frame;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameImageTest {
    @Test
    void convertsRgbBytesPixelForPixel() {
        Frame frame = Frame.blank(2, 3);
        frame.set(0, 2, 255, 10, 20);
        frame.set(1, 0, 1, 2, 3);
        BufferedImage image = FrameImage.of(frame);
        assertEquals(3, image.getWidth());
        assertEquals(2, image.getHeight());
        assertEquals(0xFF0A14, image.getRGB(2, 0) & 0xFFFFFF);
        assertEquals(0x010203, image.getRGB(0, 1) & 0xFFFFFF);
        assertEquals(0, image.getRGB(1, 1) & 0xFFFFFF);
    }

    @Test
    void upscalesWithNearestNeighbour() {
        Frame frame = Frame.blank(2, 2);
        frame.set(0, 1, 200, 0, 0);
        BufferedImage big = FrameImage.upscale(FrameImage.of(frame), 4);
        assertEquals(8, big.getWidth());
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                int expected = (y < 4 && x >= 4) ? 0xC80000 : 0;
                assertEquals(expected, big.getRGB(x, y) & 0xFFFFFF, "pixel " + x + "," + y);
            }
        }
        assertEquals(4, FrameImage.factorFor(64, 256));
        assertEquals(3, FrameImage.factorFor(100, 256));
        assertEquals(1, FrameImage.factorFor(512, 256));
    }

    @Test
    void placesImagesSideBySide() {
        BufferedImage a = FrameImage.of(Frame.blank(4, 3));
        BufferedImage b = FrameImage.of(Frame.blank(6, 5));
        BufferedImage both = FrameImage.sideBySide(List.of(a, b), 2, Color.WHITE);
        assertEquals(3 + 2 + 5, both.getWidth());
        assertEquals(6, both.getHeight());
        assertEquals(0xFFFFFF, both.getRGB(3, 0) & 0xFFFFFF, "gap");
        assertEquals(0xFFFFFF, both.getRGB(0, 5) & 0xFFFFFF, "below the shorter image");
        assertEquals(0, both.getRGB(5, 5) & 0xFFFFFF);
    }
}

package ai.foresight.experiments.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.experiments.report.GifFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pictures land in the notebook folder, numbered, and decode back to what was drawn. */
class ShowTest {
    @TempDir
    Path out;

    @BeforeEach
    void redirect() {
        System.setProperty(NotebookFiles.PROPERTY, out.toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty(NotebookFiles.PROPERTY);
    }

    @Test
    void trajectoryGifHasOneFramePerStepBesideTheGoal() throws Exception {
        World world = World.wall();
        Trajectory t = world.run(new double[][] {{1, 0}, {1, 1}, {0, 1}, {-1, 0}}, "walk");
        Path gif = Show.gif(t);
        assertTrue(gif.startsWith(out) && gif.getFileName().toString().matches("\\d\\d-walk\\.gif"), gif.toString());
        assertEquals(5, GifFiles.frameCount(gif));
        BufferedImage first = ImageIO.read(gif.toFile());
        assertEquals(256 + 4 + 256, first.getWidth(), "frame | goal, 4 px apart");
        assertEquals(256, first.getHeight());
    }

    @Test
    void pngIsTheEnlargedFrame() throws Exception {
        World world = World.wall();
        Path png = Show.png(world.observe());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(256, image.getWidth());
        var frame = world.observe().frame();
        int rgb = image.getRGB(4 * 10 + 1, 4 * 20 + 2); // pixel (y=20, x=10) enlarged 4x
        assertEquals(frame.get(20, 10, 0), rgb >> 16 & 0xFF);
        assertEquals(frame.get(20, 10, 1), rgb >> 8 & 0xFF);
        assertEquals(frame.get(20, 10, 2), rgb & 0xFF);
    }

    @Test
    void sideBySideAndSheetAreWritten() throws Exception {
        World world = World.wall().withDistractors("tv");
        Path pair = Show.sideBySide(List.of(world.observe().frame(), world.clean().frame()), List.of("shifted", "clean"), "pair");
        assertTrue(ImageIO.read(pair.toFile()).getWidth() > 2 * 256);
        Path sheet = Show.sheet(world.run(new double[][] {{1, 0}, {1, 0}}, "two"));
        assertTrue(Files.size(sheet) > 0 && ImageIO.read(sheet.toFile()) != null);
    }
}

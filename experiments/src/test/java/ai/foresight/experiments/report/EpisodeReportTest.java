package ai.foresight.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.datasets.store.Episode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpisodeReportTest {
    @TempDir
    Path tmp;

    /** An episode of T frames of 16x16 whose pixel (t, t) is red at step t; clean frames are blank. */
    private static Episode episode(int steps, boolean withClean) {
        int h = 16;
        int w = 16;
        byte[] obs = new byte[steps * h * w * 3];
        for (int t = 0; t < steps; t++) {
            obs[((t * h + t) * w + t) * 3] = (byte) 255;
        }
        return new Episode(steps, h, w, obs, withClean ? new byte[obs.length] : null, 2, new float[steps * 2], 0,
                new float[0], 1, new double[steps], new float[steps]);
    }


    @Test
    void writesAGifOfEveryStepAndASheetOfEveryKth() throws IOException {
        EpisodeReport.Options options = new EpisodeReport.Options(64, 32, 4, new ContactSheet.Layout(4, 2, 0),
                new AnimatedGifWriter.Options(100, true));
        EpisodeReport.Written written = new EpisodeReport(options).write(episode(10, false), tmp, "ep");
        assertEquals(tmp.resolve("ep.gif"), written.gif());
        assertEquals(10, GifFiles.frameCount(written.gif()));
        BufferedImage first = ImageIO.read(written.gif().toFile());
        assertEquals(64, first.getWidth(), "16 px enlarged 4x");
        assertEquals(0xFF0000, first.getRGB(0, 0) & 0xFFFFFF, "step 0 marks pixel (0, 0), now a 4x4 block");
        assertEquals(0xFF0000, first.getRGB(3, 3) & 0xFFFFFF);
        assertEquals(0, first.getRGB(4, 4) & 0xFFFFFF);

        assertEquals(3, written.stride(), "10 steps in at most 4 tiles");
        assertEquals(4, written.tiles(), "steps 0, 3, 6, 9");
        BufferedImage sheet = ImageIO.read(written.contactSheet().toFile());
        assertEquals(2 + 4 * (32 + 2), sheet.getWidth());
        assertEquals(2 + (32 + 2), sheet.getHeight());
        assertFalse(written.cleanShown());
    }

    @Test
    void showsObservedAndCleanSideBySide() throws IOException {
        EpisodeReport.Written written = new EpisodeReport(EpisodeReport.Options.defaults()).write(episode(10, true), tmp, "ep");
        assertTrue(written.cleanShown());
        BufferedImage first = ImageIO.read(written.gif().toFile());
        assertEquals(256 + 4 + 256, first.getWidth());
        assertEquals(256, first.getHeight());
        assertEquals(0xFF0000, first.getRGB(0, 0) & 0xFFFFFF, "observed on the left");
        assertEquals(0, first.getRGB(260, 0) & 0xFFFFFF, "clean (blank) on the right");

        // Double-width tiles (128 + 4 + 128) go 4 to a row instead of 8: 10 tiles in 3 rows.
        BufferedImage sheet = ImageIO.read(written.contactSheet().toFile());
        assertEquals(4 + 4 * (260 + 4), sheet.getWidth());
        assertEquals(4 + 3 * (128 + 14 + 4), sheet.getHeight());
    }
}

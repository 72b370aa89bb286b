package ai.foresight.experiments.imagine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.experiments.report.GifFiles;
import ai.foresight.worldmodel.WorldModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagineReportTest {
    @TempDir
    Path tmp;

    @Test
    void gifHasOneFramePerImaginedStepWithTheChartUnderThePanels() throws IOException {
        try (ImagineFixture f = new ImagineFixture(tmp.resolve("data"));
                WorldModel model = f.movingModel()) {
            ImaginedEpisode e = new EpisodeImagination(f.encoder, model, f.normalization).imagine(f.episode, 0, 5, f.manager);
            ImagineReport.Options options = new ImagineReport.Options(64, 120, ImagineReport.Options.defaults().gif());
            ImagineReport.Written w = new ImagineReport(options).write(e, tmp.resolve("out"), "episode-0");
            assertEquals(5, w.frames());
            assertEquals(5, GifFiles.frameCount(w.gif()));
            BufferedImage first = ImageIO.read(w.gif().toFile());
            assertEquals(64 + 4 + 64 + 4 + 64, first.getWidth()); // 32 px real x2, 16 px decoded x4
            assertEquals(18 + 64 + 120, first.getHeight()); // labels, panels, chart
            assertTrue(Files.size(w.chart()) > 0);
            assertEquals(800, ImageIO.read(w.chart().toFile()).getWidth());
        }
    }
}

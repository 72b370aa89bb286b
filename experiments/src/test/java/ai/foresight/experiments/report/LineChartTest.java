package ai.foresight.experiments.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineChartTest {
    @TempDir
    Path tmp;

    @Test
    void writesAPngThatDecodesAtTheRequestedSize() throws IOException {
        double[] y = new double[200];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.exp(-i / 50.0) + 0.01;
        }
        LineChart.Series loss = LineChart.Series.of("loss", y);
        Path file = tmp.resolve("charts").resolve("loss.png");
        new LineChart("training", "step", "loss").logY(true).size(640, 400)
                .add(loss)
                .add(loss.movingAverage(20).named("loss, mean of 20"))
                .writePng(file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(400, image.getHeight());
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
        int colours = (int) java.util.stream.IntStream.range(0, 400 * 640)
                .map(i -> image.getRGB(i % 640, i / 640)).distinct().count();
        assertTrue(colours > 3, "the chart draws something: " + colours + " colours");
    }

    @Test
    void movingAverageIsATrailingMean() {
        LineChart.Series s = LineChart.Series.of("s", new double[] {0, 1, 2, 3}, new double[] {2, 4, 6, 8}).movingAverage(2);
        assertArrayEquals(new double[] {2, 3, 5, 7}, s.y(), 1e-12);
        assertArrayEquals(new double[] {0, 1, 2, 3}, s.x(), 1e-12);
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LineChart.Series.of("loss", new double[] {1, 2}, new double[] {1}));
        assertEquals("series 'loss': expected x and y of equal length, got 2 and 1", e.getMessage());
        LineChart chart = new LineChart("t", "x", "y").logY(true).add(LineChart.Series.of("reward", new double[] {1, -1}));
        e = assertThrows(IllegalArgumentException.class, chart::render);
        assertEquals("series 'reward': log-y axis needs y > 0, got -1.0 at x = 1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> chart.add(LineChart.Series.of("reward", new double[] {1})));
        assertThrows(IllegalStateException.class, () -> new LineChart("t", "x", "y").render());
        LineChart nan = new LineChart("t", "x", "y").add(LineChart.Series.of("nan", new double[] {Double.NaN}));
        e = assertThrows(IllegalArgumentException.class, nan::render);
        assertEquals("series 'nan': expected at least one finite point, got none", e.getMessage());
    }
}

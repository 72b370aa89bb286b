package ai.foresight.experiments.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.datasets.generate.DatasetGenerator;
import ai.foresight.datasets.generate.GenerateSpec;
import ai.foresight.datasets.image.Frame;
import ai.foresight.datasets.shift.MovingShapes;
import ai.foresight.datasets.store.Dataset;
import ai.foresight.datasets.store.Episode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shape centres recomputed from the seeds are where the stored frames show the shapes. */
class DistractorTargetsTest {
    @TempDir
    Path tmp;

    @Test
    void everyDistractedPixelLiesInAShapeAroundARecomputedCentre() throws Exception {
        int size = 48;
        Path dir = tmp.resolve("shapes");
        DatasetGenerator.generate(new GenerateSpec("wall", 3, 12, size, List.of("shapes"), 9), dir, done -> { });
        Dataset dataset = Dataset.open(dir);
        DistractorTargets targets = DistractorTargets.of(dataset.manifest()).orElseThrow();
        assertEquals(List.of("shape0_x", "shape0_y", "shape1_x", "shape1_y", "shape2_x", "shape2_y", "shape3_x", "shape3_y"),
                targets.names());
        // a square's corner lies up to √2 radii from its centre, plus a pixel of rounding
        double reach = Math.sqrt(2) * MovingShapes.Config.defaults().maxRadius() * size + 1.5;
        int differing = 0;
        for (int e = 2; e >= 0; e--) { // out of order: the targets must re-seed per episode
            Episode ep = dataset.episode(e);
            for (int t = 0; t < ep.length(); t += 5) {
                double[] c = targets.row(e, t);
                Frame seen = ep.frame(t);
                Frame clean = ep.cleanFrame(t);
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        if (seen.get(y, x, 0) == clean.get(y, x, 0) && seen.get(y, x, 1) == clean.get(y, x, 1)
                                && seen.get(y, x, 2) == clean.get(y, x, 2)) {
                            continue;
                        }
                        differing++;
                        double nearest = Double.MAX_VALUE;
                        for (int i = 0; i < c.length; i += 2) {
                            nearest = Math.min(nearest, Math.hypot(x - c[i] * (size - 1), y - c[i + 1] * (size - 1)));
                        }
                        assertTrue(nearest <= reach, "episode " + e + " step " + t + ": pixel (" + x + ", " + y
                                + ") is distracted but " + nearest + " px from every centre");
                    }
                }
            }
        }
        assertTrue(differing > 100, "the shapes are visible: " + differing + " pixels");
    }

    @Test
    void datasetsWithoutShapesHaveNoDistractorTargets() throws Exception {
        Path dir = tmp.resolve("plain");
        DatasetGenerator.generate(new GenerateSpec("wall", 1, 3, 32, List.of("color-shift"), 1), dir, done -> { });
        assertTrue(DistractorTargets.of(Dataset.open(dir).manifest()).isEmpty());
    }
}

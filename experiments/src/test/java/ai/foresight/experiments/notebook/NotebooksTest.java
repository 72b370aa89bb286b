package ai.foresight.experiments.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.experiments.report.GifFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each shipped notebook runs to its end in JShell batch mode (a separate JVM, as {@code ./foresight shell}
 * runs it) on the tiny preset, after the startup script; then its outputs are read back: pictures decode
 * with the expected frame counts, figures lie in their ranges, and no value JShell would display is a
 * {@code Class@hash} placeholder. The three notebooks share one output folder, so later ones reuse the
 * dataset and model the first one made, as a user's session would.
 */
class NotebooksTest {
    private static final Path NOTEBOOKS = Path.of("notebooks");

    @TempDir
    static Path out;

    @Test
    void tourRunsAndWritesItsPictures() throws Exception {
        try (NotebookSession s = session("tour.jsh")) {
            BufferedImage frame = ImageIO.read(path(s, "picture").toFile());
            assertEquals(256, frame.getWidth());
            int planSteps = Integer.parseInt(s.eval("plan.steps()"));
            assertEquals(planSteps + 1, GifFiles.frameCount(path(s, "planGif")), "start + one frame per planned action");
            assertEquals(Integer.parseInt(s.eval("preset.evalBudget()")) + 1, GifFiles.frameCount(path(s, "runGif")));
            double cost = Double.parseDouble(s.eval("plan.cost()"));
            assertTrue(cost >= 0 && Double.isFinite(cost), "plan cost " + cost);
            double rate = Double.parseDouble(s.eval("score.successRate()"));
            assertTrue(rate >= 0 && rate <= 1, "success rate " + rate);
            assertEquals("true", s.eval("score.interval().low() <= score.successRate() && score.successRate() <= score.interval().high()"));
            assertTrue(s.eval("model.toString()").contains("closed"), "the notebook closes its model");
            assertTrue(s.output().contains("LearnedModel[wall tiny/dino-wm"), s.output());
            assertReadable(s);
        }
    }

    @Test
    void plannersCompareEveryOptimiser() throws Exception {
        try (NotebookSession s = session("planners.jsh")) {
            assertEquals("[cem, icem, mppi, gd, cem-gd]", s.eval("table.rows().stream().map(r -> r.planner()).toList()"));
            for (int i = 0; i < 5; i++) {
                double cost = Double.parseDouble(s.eval("table.rows().get(" + i + ").plan().cost()"));
                double rate = Double.parseDouble(s.eval("table.rows().get(" + i + ").evaluation().successRate()"));
                assertTrue(Double.isFinite(cost) && cost >= 0, "plan cost " + cost);
                assertTrue(rate >= 0 && rate <= 1, "success rate " + rate);
            }
            assertTrue(GifFiles.frameCount(path(s, "bestGif")) > 1);
            assertEquals("32", s.eval("cheap.evaluations()"), "16 samples x 2 iterations");
            assertTrue(s.output().contains("PlannerComparison[wall]"), s.output());
            assertReadable(s);
        }
    }

    @Test
    void distractorsShowTheShiftAndMeasureIt() throws Exception {
        try (NotebookSession s = session("distractors.jsh")) {
            BufferedImage pair = ImageIO.read(path(s, "pair").toFile());
            assertTrue(pair.getWidth() > 2 * 256, "shifted | clean side by side: " + pair.getWidth());
            for (String report : List.of("report", "lit")) {
                double feature = Double.parseDouble(s.eval(report + ".relativeFeatureShift()"));
                double clean = Double.parseDouble(s.eval(report + ".predictionErrorClean()"));
                double shifted = Double.parseDouble(s.eval(report + ".predictionErrorShifted()"));
                assertTrue(feature > 0 && Double.isFinite(feature), report + ": distractors move the features: " + feature);
                assertTrue(clean >= 0 && shifted >= 0 && Double.isFinite(clean) && Double.isFinite(shifted), report);
            }
            for (String summary : List.of("clean", "distracted")) {
                double rate = Double.parseDouble(s.eval(summary + ".successRate()"));
                assertTrue(rate >= 0 && rate <= 1, summary + " success rate " + rate);
            }
            assertTrue(s.eval("distracted.world()").contains("shapes+tv"));
            assertReadable(s);
        }
    }

    private static NotebookSession session(String notebook) throws Exception {
        NotebookSession s = new NotebookSession(out);
        try {
            s.run(NOTEBOOKS.resolve("startup.jsh"));
            long start = System.nanoTime();
            s.run(NOTEBOOKS.resolve(notebook));
            System.out.printf("--- %s ran in %.1f s ---%n%s%nsnippets of 1 s or more:%n%s%n", notebook,
                    (System.nanoTime() - start) / 1e9, s.output(), String.join("\n", s.slowSnippets()));
            return s;
        } catch (Throwable t) {
            s.close();
            throw t;
        }
    }

    /** The file a Path-valued variable names, which must exist under the output folder. */
    private static Path path(NotebookSession s, String variable) {
        Path file = Path.of(s.eval(variable));
        assertTrue(file.startsWith(out) && Files.isRegularFile(file), variable + " = " + file);
        return file;
    }

    private static void assertReadable(NotebookSession s) {
        for (String value : s.values()) {
            assertFalse(FacadeTextTest.PLACEHOLDER.matcher(value).find(), "placeholder in a displayed value: " + value);
        }
        assertFalse(s.output().contains("Exception"), s.output());
    }
}

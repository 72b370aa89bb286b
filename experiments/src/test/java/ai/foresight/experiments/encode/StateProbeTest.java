package ai.foresight.experiments.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.foresight.datasets.store.Dataset;
import ai.foresight.datasets.store.Episode;
import ai.foresight.encoders.PatchEncoder;
import ai.foresight.encoders.PatchFeatures;
import ai.foresight.encoders.PixelNormalization;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateProbeTest {
    @TempDir
    Path tmp;

    /** One token holding pixel (0, 0)'s RGB: exactly what the synthetic frames encode. */
    private static final class FirstPixelEncoder implements PatchEncoder {
        private final int size;

        FirstPixelEncoder(int size) {
            this.size = size;
        }

        @Override
        public PatchFeatures encodeFeatures(NDArray pixels) {
            checkInput(pixels);
            long b = pixels.getShape().get(0);
            return new PatchFeatures(pixels.get(new NDIndex(":, :, 0, 0")).reshape(b, 1, 3), null);
        }

        @Override public int gridHeight() { return 1; }
        @Override public int gridWidth() { return 1; }
        @Override public int dim() { return 3; }
        @Override public int inputHeight() { return size; }
        @Override public int inputWidth() { return size; }
        @Override public PixelNormalization normalization() { return PixelNormalization.identity(); }
        @Override public boolean isFrozen() { return true; }
        @Override public String id() { return "first-pixel"; }
        @Override public void close() { }
    }

    @Test
    void recoversWhatTheFramesHoldAndNothingElse() throws IOException {
        Dataset dataset = Dataset.open(SyntheticDataset.write(tmp.resolve("synthetic"), 8, 10, 8, 3));
        int[] calls = {0};
        StateProbe.Report report = StateProbe.run(dataset,
                List.of(new StateProbe.Candidate("pixel", new FirstPixelEncoder(8))),
                ProbeConfig.defaults(), done -> calls[0] = done);
        assertEquals(List.of("x", "y", "hidden"), report.targets());
        assertEquals(1, calls[0]);
        assertEquals(6, report.trainEpisodes());
        assertEquals(2, report.testEpisodes());
        assertEquals(60, report.trainFrames());
        assertEquals(20, report.testFrames());
        double[] r2 = report.scores().get(0).r2();
        assertEquals(1.0, r2[0], 1e-4, "x is pixel (0,0) red");
        assertEquals(1.0, r2[1], 1e-4, "y is pixel (0,0) green");
        assertTrue(r2[2] < 0.2, "hidden is not in the frame: R² " + r2[2]);
        assertEquals("first-pixel", report.scores().get(0).encoderId());
    }

    @Test
    void theMlpProbeAlsoRecoversWhatTheFramesHold() throws IOException {
        Dataset dataset = Dataset.open(SyntheticDataset.write(tmp.resolve("synthetic"), 8, 10, 8, 3));
        StateProbe.Report report = StateProbe.run(dataset, List.of(new StateProbe.Candidate("pixel", new FirstPixelEncoder(8))),
                ProbeConfig.defaults().withMlp(new ai.foresight.encoders.probe.MlpProbe.Config(16, 8, 60, 1e-2, 0, 1)), d -> { });
        double[] r2 = report.scores().get(0).r2();
        assertTrue(r2[0] > 0.9 && r2[1] > 0.9, java.util.Arrays.toString(r2));
        assertTrue(r2[2] < 0.2, "hidden is not in the frame: R² " + r2[2]);
        assertTrue(Double.isNaN(report.scores().get(0).lambdas()[0]), "no λ for the MLP probe");
    }

    @Test
    void strideKeepsEveryKthFrame() throws IOException {
        Dataset dataset = Dataset.open(SyntheticDataset.write(tmp.resolve("synthetic"), 4, 10, 8, 3));
        StateProbe.Report report = StateProbe.run(dataset, List.of(new StateProbe.Candidate("pixel", new FirstPixelEncoder(8))),
                ProbeConfig.tiny().withStride(3), done -> { });
        assertEquals(4 * 3, report.trainFrames(), "frames 0, 3, 6, 9 of 3 training episodes");
        assertEquals(4, report.testFrames());
    }

    @Test
    void refusesDatasetsTooSmallToSplit() throws IOException {
        Dataset dataset = Dataset.open(SyntheticDataset.write(tmp.resolve("two"), 2, 4, 8, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StateProbe.run(dataset,
                List.of(new StateProbe.Candidate("pixel", new FirstPixelEncoder(8))), ProbeConfig.tiny(), d -> { }));
        assertTrue(e.getMessage().contains("expected at least 3 episodes"), e.getMessage());
    }

    @Test
    void anglesAlsoBecomeCosineAndSine() throws IOException {
        ProbeTargets targets = ProbeTargets.forState(List.of("agent_x", "block_angle", "agent_vx"));
        assertEquals(List.of("agent_x", "block_angle", "block_cos", "block_sin", "agent_vx"), targets.names());
        Episode ep = new Episode(1, 1, 1, new byte[3], null, 1, new float[1], 1, new float[1], 3,
                new double[] {5, Math.PI / 3, -2}, new float[1]);
        assertArrayEquals(new double[] {5, Math.PI / 3, 0.5, Math.sqrt(3) / 2, -2}, targets.row(ep, 0, 0), 1e-12);
    }

    @Test
    void eachTargetGetsTheShrinkageItsValidationScorePrefers() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(11);
        int p = 30;
        double[] w = new double[p];
        for (int i = 0; i < p; i++) {
            w[i] = r.nextGaussian();
        }
        double[][][] x = new double[3][][];
        double[][][] y = new double[3][][];
        int[] rows = {40, 20, 20};
        for (int part = 0; part < 3; part++) {
            x[part] = new double[rows[part]][p];
            y[part] = new double[rows[part]][2];
            for (int n = 0; n < rows[part]; n++) {
                double dot = 0;
                for (int i = 0; i < p; i++) {
                    x[part][n][i] = r.nextGaussian();
                    dot += x[part][n][i] * w[i];
                }
                y[part][n][0] = dot;              // exactly linear: the least shrinkage wins
                y[part][n][1] = r.nextGaussian(); // unrelated noise: the most shrinkage wins
            }
        }
        double[] candidates = {1e-4, 1e-2, 1, 100};
        double[] chosen = StateProbe.chooseLambdas(x[0], y[0], x[1], y[1], candidates);
        assertArrayEquals(new double[] {1e-4, 100}, chosen);
        double[] r2 = StateProbe.heldOutR2(x[0], y[0], x[2], y[2], chosen);
        assertEquals(ai.foresight.encoders.probe.RidgeProbe.evaluate(x[0], y[0], x[2], y[2], 1e-4).r2()[0], r2[0], 1e-12);
        assertEquals(ai.foresight.encoders.probe.RidgeProbe.evaluate(x[0], y[0], x[2], y[2], 100).r2()[1], r2[1], 1e-12);
        assertTrue(r2[0] > 0.99, "linear target: " + r2[0]);
    }
}

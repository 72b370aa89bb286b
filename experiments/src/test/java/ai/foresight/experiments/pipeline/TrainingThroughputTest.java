package ai.foresight.experiments.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.foresight.experiments.planbench.PredictorFlops;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.RepoConfig;
import ai.foresight.worldmodel.WorldModelConfig;
import org.junit.jupiter.api.Test;

class TrainingThroughputTest {
    private static final PredictorConfig WALL = PredictorConfig.wall().withEncoder(192, 8);

    @Test
    void aFeatureModelsStepIsThreeTeacherForcedForwards() {
        WorldModelConfig model = WorldModelConfig.features(WALL);
        long forward = new PredictorFlops(WALL, 192, false).forwardFlops(32, WALL.historyFrames(), false);
        assertEquals(3 * forward, TrainingThroughput.stepFlops(model, 32));
    }

    @Test
    void repoAddsThePosteriorMlpOverEveryTokenOfTheWindow() {
        RepoConfig repo = RepoConfig.defaults();
        WorldModelConfig model = WorldModelConfig.repo(WALL, repo);
        long forward = new PredictorFlops(WALL, repo.latentDim(), true).forwardFlops(8, WALL.historyFrames(), false);
        long tokens = 8L * (WALL.historyFrames() + 1) * WALL.tokensPerFrame();
        // by hand: 2 m k n per product, (tokens x D) by (D x hidden), then (tokens x hidden) by (hidden x 2 d_z)
        long posterior = 2 * tokens * 192 * repo.posteriorHidden() + 2 * tokens * repo.posteriorHidden() * 2L * repo.latentDim();
        assertEquals(3 * (forward + posterior), TrainingThroughput.stepFlops(model, 8));
    }

    @Test
    void aPosteriorThatReadsPatchesRunsItsHiddenLayerOnEveryPatchAndPoolsIt() {
        RepoConfig repo = RepoConfig.defaults().withPosteriorReadsPatches(true);
        WorldModelConfig model = WorldModelConfig.repo(WALL, repo);
        long forward = new PredictorFlops(WALL, repo.latentDim(), true).forwardFlops(8, WALL.historyFrames(), false);
        long frames = 8L * (WALL.historyFrames() + 1);
        long patches = frames * WALL.patchesPerFrame();
        long tokens = frames * WALL.tokensPerFrame();
        long hidden = repo.posteriorHidden();
        // by hand: (patches x D)(D x hidden), the pooling (frames·hidden x N)(N x n), then (tokens x hidden)(hidden x 2 d_z)
        long posterior = 2 * patches * 192 * hidden + 2 * frames * hidden * WALL.patchesPerFrame() * WALL.tokensPerFrame()
                + 2 * tokens * hidden * 2L * repo.latentDim();
        assertEquals(3 * (forward + posterior), TrainingThroughput.stepFlops(model, 8));
    }

    @Test
    void ratesFollowFromStepsSecondsAndThePeak() {
        WorldModelConfig model = WorldModelConfig.features(WALL);
        TrainingThroughput t = TrainingThroughput.of(model, 32, 300, 10.0, 100.0);
        assertEquals(30.0, t.stepsPerSecond(), 1e-12);
        assertEquals(960.0, t.windowsPerSecond(), 1e-9);
        assertEquals(TrainingThroughput.stepFlops(model, 32) * 30.0 / 1e9, t.achievedGflops(), 1e-9);
        assertEquals(t.achievedGflops() / 100.0, t.peakFraction(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> TrainingThroughput.of(model, 32, 0, 1.0, 100.0));
    }
}

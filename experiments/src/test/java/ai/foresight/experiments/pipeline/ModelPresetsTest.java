package ai.foresight.experiments.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModelPresetsTest {
    @Test
    void theDecoderDrawsAbout32PxFramesOnWholeTokens() {
        assertEquals(32, ModelPresets.decoder(4).imageSize(), "wall: 4 x 4 tokens of 8 px");
        assertEquals(30, ModelPresets.decoder(3).imageSize(), "pointmaze, pusht: 3 x 3 tokens of 10 px");
        assertEquals(32, ModelPresets.decoder(2).imageSize(), "tiny");
        assertEquals(32, ModelPresets.decoder(1).imageSize());
        assertEquals(ModelPresets.DECODER_HIDDEN, ModelPresets.decoder(4).hidden());
        assertTrue(TrainSpec.tiny().withPixelDecoder(true).pixelDecoder());
        assertEquals(TrainSpec.tiny(), TrainSpec.tiny().withPixelDecoder(true).withPixelDecoder(false));
    }

    @Test
    void repoModeUsesTheSweptKlBudgetUnlessOneIsGiven() {
        TrainSpec wall = new TrainSpec("wall", "repo", "default", 0, 0, 0L);
        assertEquals(10.0, ModelPresets.repo(wall).epsilonNats());
        assertEquals(1e-2, ModelPresets.repo(wall).dualLearningRate());
        TrainSpec budget = new TrainSpec("wall", "repo", "default", 0, 0, 0L, 0, -1, 4.5, -1, -1, false);
        assertEquals(4.5, ModelPresets.repo(budget).epsilonNats());
        assertEquals(ai.foresight.worldmodel.RepoConfig.tiny().withPosteriorReadsPatches(true),
                ModelPresets.repo(new TrainSpec("tiny", "repo", "random-tiny", 0, 0, 0L)));
        assertTrue(ModelPresets.repo(wall).posteriorReadsPatches(), "the posterior reads every patch by default");
        TrainSpec tokens = budget.withPosteriorReadsPatches(false);
        assertFalse(ModelPresets.repo(tokens).posteriorReadsPatches());
        assertEquals(4.5, ModelPresets.repo(tokens).epsilonNats(), "the budget survives");
        assertFalse(tokens.withSteps(7).withEncoder("random-tiny").withPixelDecoder(true).withTokenGrid(2).posteriorReadsPatches(),
                "with* keeps it");
        assertEquals(2, tokens.withTokenGrid(2).withSteps(3).tokenGrid());
    }

    @Test
    void lossWeightsFallBackToThePresetsOnlyWhenNegative() {
        TrainSpec preset = new TrainSpec("wall", "repo", "default", 0, 0, 0L);
        assertEquals(1.0, ModelPresets.trainer(preset).proprioHeadWeight());
        assertEquals(1.0, ModelPresets.trainer(preset).proprioWeight());
        TrainSpec heavy = new TrainSpec("wall", "repo", "default", 0, 0, 0L, 0, 0.25, -1, -1, 10, false);
        assertEquals(10.0, ModelPresets.trainer(heavy).proprioHeadWeight());
        assertEquals(0.25, ModelPresets.trainer(heavy).proprioWeight());
        assertEquals(10.0, ModelPresets.trainer(heavy.withSteps(5)).proprioHeadWeight(), "with* keeps the weight");
        assertThrows(IllegalArgumentException.class,
                () -> new TrainSpec("wall", "repo", "default", 0, 0, 0L, 0, -1, -1, -1, Double.NaN, false));
    }
}

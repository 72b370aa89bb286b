package ai.foresight.experiments.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.foresight.encoders.dino.DinoConfig;
import org.junit.jupiter.api.Test;

class PretrainPlanTest {

    @Test
    void lengthComesFromStepsEpochsOrThePreset() {
        DinoConfig preset = DinoConfig.defaults();
        assertEquals(preset.steps(), new PretrainPlan("default", 0, 0, 0, 0).config(1000).steps());
        DinoConfig byEpochs = new PretrainPlan("default", 0, 2.5, 0, 0).config(1000);
        assertEquals((int) Math.ceil(2.5 * 1000 / preset.batchSize()), byEpochs.steps());
        DinoConfig bySteps = new PretrainPlan("tiny", 400, 0, 9, 50).config(10);
        assertEquals(400, bySteps.steps());
        assertEquals(9, bySteps.seed());
        assertEquals(50, bySteps.checkpointEvery());
        assertEquals(DinoConfig.tiny().vit(), bySteps.vit());
    }

    @Test
    void schedulesScaleWithTheRunLength() {
        DinoConfig c = new PretrainPlan("default", 1000, 0, 0, 0).config(1);
        assertEquals(100, c.warmupSteps());
        assertEquals(300, c.teacherTempWarmupSteps());
        assertEquals(100, c.freezeLastLayerSteps());
        assertEquals(DinoConfig.defaults().teacherTemp(), c.teacherTemperatureAt(300), 1e-12);
        DinoConfig shortRun = new PretrainPlan("default", 20, 0, 0, 0).config(1);
        assertEquals(2, shortRun.warmupSteps());
        assertEquals(2, shortRun.freezeLastLayerSteps());
    }

    @Test
    void badPlansAreNamed() {
        assertEquals("preset: expected one of tiny, default, got 'huge'",
                assertThrows(IllegalArgumentException.class, () -> new PretrainPlan("huge", 1, 0, 0, 0)).getMessage());
        assertEquals("steps/epochs: expected one of them, got both (10, 1.0)",
                assertThrows(IllegalArgumentException.class, () -> new PretrainPlan("tiny", 10, 1, 0, 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PretrainPlan("tiny", 0, 0, 0, 0).config(0));
    }
}

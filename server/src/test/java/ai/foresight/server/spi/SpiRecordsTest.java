package ai.foresight.server.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.server.core.ApiException;
import ai.foresight.server.core.SettingsOverrides;
import org.junit.jupiter.api.Test;

class SpiRecordsTest {

    private static final PlannerLimits LIMITS = new PlannerLimits(10, 100, 5, 20);

    private static ModelInfo info() {
        return new ModelInfo("m", 8, 8, 2, new float[] {-1, -2}, new float[] {1, 2}, 5, 3, 4,
                new PlannerSettings(5, 50, 3, 10), LIMITS);
    }

    @Test
    void settingsClampToLimitsKeepingElitesWithinSamples() {
        assertEquals(new PlannerSettings(10, 100, 5, 20), new PlannerSettings(50, 500, 9, 400).clampTo(LIMITS));
        assertEquals(new PlannerSettings(4, 8, 2, 8), new PlannerSettings(4, 8, 2, 8).clampTo(LIMITS));
        assertEquals("elites: expected <= samples (4), got 5",
                assertThrows(IllegalArgumentException.class, () -> new PlannerSettings(4, 4, 1, 5)).getMessage());
    }

    @Test
    void overridesFallBackToDefaultsAndNameTheBadField() {
        ModelInfo info = info();
        assertEquals(info.defaults(), SettingsOverrides.NONE.resolve(info));
        assertEquals(new PlannerSettings(10, 50, 3, 10), new SettingsOverrides(99, null, null, null).resolve(info));
        assertEquals(new PlannerSettings(5, 6, 3, 6), new SettingsOverrides(null, 6, null, null).resolve(info),
                "default elites shrink to fit fewer samples");
        ApiException shortHorizon = assertThrows(ApiException.class,
                () -> new SettingsOverrides(2, null, null, null).resolve(info));
        assertEquals("settings.horizon", shortHorizon.field());
        assertEquals("settings.elites", assertThrows(ApiException.class,
                () -> new SettingsOverrides(null, 6, null, 7).resolve(info)).field());
    }

    @Test
    void modelInfoValidatesAndCopiesBounds() {
        ModelInfo info = info();
        info.actionLow()[0] = 42;
        assertEquals(-1, info.actionLow()[0], "accessors return copies");
        assertEquals(8 * 8 * 3, info.frameBytes());
        IllegalArgumentException bounds = assertThrows(IllegalArgumentException.class, () -> new ModelInfo("m", 8, 8,
                2, new float[] {1, 0}, new float[] {1, 1}, 1, 1, 0, new PlannerSettings(1, 1, 1, 1), LIMITS));
        assertTrue(bounds.getMessage().startsWith("actionLow[0]"), bounds.getMessage());
        IllegalArgumentException horizon = assertThrows(IllegalArgumentException.class, () -> new ModelInfo("m", 8, 8,
                1, new float[] {0}, new float[] {1}, 1, 4, 0, new PlannerSettings(2, 1, 1, 1), LIMITS));
        assertTrue(horizon.getMessage().startsWith("defaults.horizon"), horizon.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PlanResult(new float[][] {{0, 0}}, new float[][] {{0}},
                0, 0, 0, null));
    }
}

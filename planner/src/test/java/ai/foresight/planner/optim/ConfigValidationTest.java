package ai.foresight.planner.optim;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Presets are valid; bad values fail with a message that starts with the offending field. */
class ConfigValidationTest {

    @Test
    void presetsAreValid() {
        assertDoesNotThrow(() -> {
            CemConfig.defaults();
            CemConfig.tiny();
            IcemConfig.defaults();
            IcemConfig.tiny();
            MppiConfig.defaults();
            MppiConfig.tiny();
            GradientConfig.defaults();
            GradientConfig.tiny();
            GradientConfig.refinement();
            CemGradientConfig.defaults();
            CemGradientConfig.tiny();
        });
    }

    @Test
    void presetsMatchThePublishedSettings() {
        CemConfig cem = CemConfig.defaults();
        assertTrue(cem.samples() == 300 && cem.elites() == 30 && cem.iterations() == 10 && cem.initSigma() == 1f, "DINO-WM CEM");
        MppiConfig mppi = MppiConfig.defaults();
        assertTrue(mppi.samples() == 512 && mppi.elites() == 64 && mppi.iterations() == 6 && mppi.temperature() == 0.5f
                && mppi.minStd() == 0.05f && mppi.maxStd() == 2f, "TD-MPC2 MPPI");
        IcemConfig icem = IcemConfig.defaults();
        assertTrue(icem.noiseExponent() == 2f && icem.populationDecay() == 1.3f && icem.keepEliteFraction() == 0.3f
                && icem.addMeanAtLastIteration(), "iCEM");
        assertTrue(icem.populationAt(0) == 300 && icem.populationAt(1) == 230 && icem.populationAt(9) == 60, "population decay");
        assertTrue(icem.keptElites() == 9, "30% of 30 elites");
    }

    @Test
    void badValuesNameTheirField() {
        expect("samples", () -> new CemConfig(0, 1, 1, 1f, 0f, 0f, 0));
        expect("elites", () -> new CemConfig(10, 11, 1, 1f, 0f, 0f, 0));
        expect("iterations", () -> new CemConfig(10, 1, 0, 1f, 0f, 0f, 0));
        expect("initSigma", () -> new CemConfig(10, 1, 1, 0f, 0f, 0f, 0));
        expect("minSigma", () -> new CemConfig(10, 1, 1, 1f, 2f, 0f, 0));
        expect("momentum", () -> new CemConfig(10, 1, 1, 1f, 0f, 1f, 0));
        expect("elites", () -> new IcemConfig(10, 6, 1, 1f, 0f, 0f, 2f, 1.3f, 0.3f, true, 0));
        expect("noiseExponent", () -> new IcemConfig(10, 2, 1, 1f, 0f, 0f, -1f, 1.3f, 0.3f, true, 0));
        expect("populationDecay", () -> new IcemConfig(10, 2, 1, 1f, 0f, 0f, 2f, 0.5f, 0.3f, true, 0));
        expect("keepEliteFraction", () -> new IcemConfig(10, 2, 1, 1f, 0f, 0f, 2f, 1.3f, 1.5f, true, 0));
        expect("temperature", () -> new MppiConfig(10, 2, 1, 0f, 0.05f, 2f, 0));
        expect("minStd", () -> new MppiConfig(10, 2, 1, 0.5f, 3f, 2f, 0));
        expect("steps", () -> new GradientConfig(0, 0.1f, 0.9f, 0.999f, 1e-8f, 1, 0f, 0));
        expect("learningRate", () -> new GradientConfig(1, -0.1f, 0.9f, 0.999f, 1e-8f, 1, 0f, 0));
        expect("beta1", () -> new GradientConfig(1, 0.1f, 1f, 0.999f, 1e-8f, 1, 0f, 0));
        expect("starts", () -> new GradientConfig(1, 0.1f, 0.9f, 0.999f, 1e-8f, 0, 0f, 0));
        expect("cem", () -> new CemGradientConfig(null, GradientConfig.tiny()));
        expect("horizon", () -> new SearchSpace(0, 1, new float[] {-1}, new float[] {1}));
        expect("lower", () -> new SearchSpace(2, 2, new float[] {-1}, new float[] {1, 1}));
        expect("bounds", () -> new SearchSpace(2, 1, new float[] {1}, new float[] {1}));
    }

    private static void expect(String field, Executable construct) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construct, field);
        assertTrue(e.getMessage().startsWith(field), "message should start with '" + field + "': " + e.getMessage());
    }
}

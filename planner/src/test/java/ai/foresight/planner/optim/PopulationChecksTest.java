package ai.foresight.planner.optim;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The validation CEM, iCEM and MPPI settings share gives, word for word, the messages each config
 * gave when it validated on its own, checks in the same order, and keeps iCEM's elite limit of
 * {@code max(samples, 2) / 2}.
 */
class PopulationChecksTest {

    @Test
    void budgetMessagesAreTheSameForEveryConfig() {
        expect("samples: expected at least 1, got 0", () -> new CemConfig(0, 1, 1, 1f, 0f, 0f, 0));
        expect("samples: expected at least 1, got 0", () -> new MppiConfig(0, 1, 1, 0.5f, 0.05f, 2f, 0));
        expect("samples: expected at least 1, got 0", () -> new IcemConfig(0, 1, 1, 1f, 0f, 0f, 2f, 1.3f, 0.3f, true, 0));
        expect("elites: expected 1 <= elites <= samples (10), got 11", () -> new CemConfig(10, 11, 1, 1f, 0f, 0f, 0));
        expect("elites: expected 1 <= elites <= samples (10), got 0", () -> new MppiConfig(10, 0, 1, 0.5f, 0.05f, 2f, 0));
        expect("iterations: expected at least 1, got 0", () -> new MppiConfig(10, 2, 0, 0.5f, 0.05f, 2f, 0));
        expect("iterations: expected at least 1, got -2", () -> new IcemConfig(10, 2, -2, 1f, 0f, 0f, 2f, 1.3f, 0.3f, true, 0));
    }

    @Test
    void elitesAreCheckedBeforeIterations() {
        expect("elites: expected 1 <= elites <= samples (10), got 11", () -> new CemConfig(10, 11, 0, 1f, 0f, 0f, 0));
        expect("elites: expected 1 <= elites <= samples / 2 (5), got 6",
                () -> new IcemConfig(10, 6, 0, 1f, 0f, 0f, 2f, 1.3f, 0.3f, true, 0));
    }

    @Test
    void icemKeepsTwiceItsElitesInEveryPopulation() {
        assertDoesNotThrow(() -> new IcemConfig(11, 5, 1, 1f, 0f, 0f, 2f, 1.3f, 0.3f, true, 0));
        assertDoesNotThrow(() -> new IcemConfig(1, 1, 1, 1f, 0f, 0f, 2f, 1.3f, 0.3f, true, 0));
        expect("elites: expected 1 <= elites <= samples / 2 (5), got 6",
                () -> new IcemConfig(11, 6, 1, 1f, 0f, 0f, 2f, 1.3f, 0.3f, true, 0));
        expect("elites: expected 1 <= elites <= samples / 2 (0), got 2",
                () -> new IcemConfig(1, 2, 1, 1f, 0f, 0f, 2f, 1.3f, 0.3f, true, 0));
    }

    @Test
    void momentumRefitMessagesAreTheSameForCemAndIcem() {
        expect("initSigma: expected a finite value > 0, got 0.0", () -> new CemConfig(10, 1, 1, 0f, 0f, 0f, 0));
        expect("initSigma: expected a finite value > 0, got Infinity",
                () -> new IcemConfig(10, 2, 1, Float.POSITIVE_INFINITY, 0f, 0f, 2f, 1.3f, 0.3f, true, 0));
        expect("minSigma: expected 0 <= minSigma <= initSigma (1.0), got 2.0", () -> new CemConfig(10, 1, 1, 1f, 2f, 0f, 0));
        expect("minSigma: expected 0 <= minSigma <= initSigma (1.0), got -0.1",
                () -> new IcemConfig(10, 2, 1, 1f, -0.1f, 0f, 2f, 1.3f, 0.3f, true, 0));
        expect("momentum: expected 0 <= momentum < 1, got 1.0", () -> new CemConfig(10, 1, 1, 1f, 0f, 1f, 0));
        expect("momentum: expected 0 <= momentum < 1, got NaN",
                () -> new IcemConfig(10, 2, 1, 1f, 0f, Float.NaN, 2f, 1.3f, 0.3f, true, 0));
    }

    private static void expect(String message, Executable construct) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construct, message);
        assertEquals(message, e.getMessage());
    }
}

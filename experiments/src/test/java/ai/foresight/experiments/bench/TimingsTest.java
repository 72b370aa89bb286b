package ai.foresight.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TimingsTest {
    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, Timings.median(new double[] {9, 1, 2}));
        assertEquals(2.5, Timings.median(new double[] {4, 1, 3, 2}));
        assertEquals(7.0, Timings.median(new double[] {7}));
        assertThrows(IllegalArgumentException.class, () -> Timings.median(new double[0]));
    }

    @Test
    void medianDoesNotReorderTheInput() {
        double[] values = {3, 1, 2};
        Timings.median(values);
        assertEquals(3.0, values[0]);
    }
}

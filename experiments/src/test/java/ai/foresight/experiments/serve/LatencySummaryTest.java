package ai.foresight.experiments.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void nearestRankPercentilesOfOneToHundred() {
        double[] ms = new double[100];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = 100 - i; // unsorted on purpose
        }
        LatencySummary s = LatencySummary.of(ms);
        assertEquals(100, s.count());
        assertEquals(50, s.p50Ms());
        assertEquals(99, s.p99Ms());
        assertEquals(50.5, s.meanMs(), 1e-12);
        assertEquals(100, s.maxMs());
    }

    @Test
    void smallSamplesUseTheirLargestValueForP99() {
        LatencySummary s = LatencySummary.of(new double[] {3, 1, 2});
        assertEquals(2, s.p50Ms());
        assertEquals(3, s.p99Ms());
        assertEquals(1, LatencySummary.of(new double[] {1}).p99Ms());
        assertThrows(IllegalArgumentException.class, () -> LatencySummary.of(new double[0]));
    }
}

package ai.foresight.experiments.planbench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlanBenchStatisticsTest {

    @Test
    void p90IsTheNearestRank() {
        double[] ten = {10, 1, 9, 2, 8, 3, 7, 4, 6, 5};
        assertEquals(9, PlannerTiming.percentile(ten, 0.9));
        assertEquals(10, PlannerTiming.percentile(ten, 1.0));
        assertEquals(3, PlannerTiming.percentile(new double[] {3}, 0.9));
        PlannerTiming t = new PlannerTiming("cem", new double[] {0.5, 0.7, 0.6}, 3000);
        assertEquals(0.6, t.median());
        assertEquals(0.7, t.p90());
    }

    @Test
    void ratioCountsTheWholeBudgetWhereTheTargetWasNeverReached() {
        PlannerComparison c = new PlannerComparison("icem", 3000, new float[] {1f, 2f, 3f},
                new long[] {1000, -1, 500}, new long[] {2500, 2500, 2500});
        assertEquals(2, c.reached());
        assertArrayEquals(new double[] {3.0, 1.2, 6.0}, c.ratios(), 1e-12);
        assertEquals(3.0, c.medianRatio(), 1e-12);
    }

    @Test
    void configRefusesUnknownPlannersAndTooManyElites() {
        PlanBenchConfig d = PlanBenchConfig.defaults();
        assertEquals(3000, d.cemEvaluations());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> new PlanBenchConfig(
                300, 30, 5, 10, 1, 0, 1, List.of("cem", "bogus"), 2f, 3, List.of(64), 300, 2f, 0));
        assertEquals("planners: expected ids from [cem, icem, mppi], got 'bogus'", unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PlanBenchConfig(
                10, 6, 5, 10, 1, 0, 1, List.of("cem"), 2f, 3, List.of(64), 10, 2f, 0));
    }

    @Test
    void icemElitesKeepCemsEliteFraction() {
        PlanBenchConfig d = PlanBenchConfig.defaults();
        assertEquals(30, d.icemElites());
        PlanBenchConfig small = new PlanBenchConfig(300, 30, 5, 10, 1, 0, 1, List.of("cem", "icem"), 2f, 3, List.of(64),
                100, 0f, 0);
        assertEquals(10, small.icemElites());
        assertEquals("icem", small.optimizer("icem", 10, 0).name());
        PlanBenchConfig two = new PlanBenchConfig(300, 30, 5, 10, 1, 0, 1, List.of("cem", "icem"), 2f, 3, List.of(64),
                2, 0f, 0);
        assertEquals(1, two.icemElites());
    }
}

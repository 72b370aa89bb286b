package ai.foresight.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MatmulBenchmarkTest {
    @Test
    void measuresPositiveThroughputFromTheMedianTime() {
        MatmulBenchmark.Result result = MatmulBenchmark.measure(MatmulBenchmark.Config.tiny());
        assertEquals(128, result.size());
        assertEquals(3, result.seconds().length);
        for (double s : result.seconds()) {
            assertTrue(s > 0, "every timed repetition took some time");
        }
        assertEquals(Timings.median(result.seconds()), result.medianSeconds());
        assertTrue(result.gflops() > 0);
        assertEquals(2.0 * 128 * 128 * 128 / result.medianSeconds() / 1e9, result.gflops(), 1e-9 * result.gflops());
    }

    @Test
    void configNamesTheBadField() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MatmulBenchmark.Config(0, 1, 0))
                .getMessage().startsWith("size:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MatmulBenchmark.Config(8, 0, 0))
                .getMessage().startsWith("reps:"));
    }
}

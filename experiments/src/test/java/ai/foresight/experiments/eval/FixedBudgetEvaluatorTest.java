package ai.foresight.experiments.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.datasets.env.Observation;
import ai.foresight.planner.agent.Controller;
import ai.foresight.planner.agent.ForecastingController;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixedBudgetEvaluatorTest {

    /** Moves towards the goal read from the goal observation's proprio, two steps per chunk. */
    static final class GreedyController implements Controller {
        float goal;
        @Override public void reset(Observation g) { goal = g.proprio()[0]; }
        @Override public double[][] act(Observation current) {
            double d = goal - current.proprio()[0];
            double a = Math.max(-1, Math.min(1, d));
            return new double[][] {{a}, {Math.max(-1, Math.min(1, d - a))}};
        }
    }

    @Test
    void greedyControllerSucceedsAndIdleOneFails() {
        FixedBudgetEvaluator eval = new FixedBudgetEvaluator(new FixedBudgetEvaluator.Settings(12, 15, 3, 2));
        LineWorld world = new LineWorld();
        List<EpisodeRecord> good = eval.run(world, new GreedyController(), i -> {});
        EvaluationSummary summary = EvaluationSummary.of("line", good);
        assertEquals(12, summary.successes(), "every start is within 15 unit steps of its goal");
        assertEquals(12 * 15, world.steps, "each episode runs exactly the budget");
        assertEquals(16, good.get(0).frames().size(), "recorded pairs keep every frame");
        assertEquals(0, good.get(5).frames().size());
        assertEquals(8, good.get(0).planSeconds().length, "15 steps in chunks of 2 = 8 replans");

        Controller idle = new Controller() {
            @Override public void reset(Observation goal) {}
            @Override public double[][] act(Observation current) { return new double[][] {{0}}; }
        };
        EvaluationSummary bad = EvaluationSummary.of("line", eval.run(new LineWorld(), idle, i -> {}));
        assertTrue(bad.successes() <= 1, "standing still succeeds only if start is already at the goal");
        assertTrue(bad.finalDistanceMean() > summary.finalDistanceMean());
    }

    /** The greedy controller, forecasting where its chunk (already within bounds) ends, off by {@code bias}. */
    static final class ForecastingGreedy implements ForecastingController {
        final GreedyController inner = new GreedyController();
        final double bias;
        float[] expected;
        ForecastingGreedy(double bias) { this.bias = bias; }
        @Override public void reset(Observation g) { inner.reset(g); expected = null; }
        @Override public double[][] act(Observation current) {
            double[][] chunk = inner.act(current);
            expected = new float[] {(float) (current.proprio()[0] + chunk[0][0] + chunk[1][0] + bias)};
            return chunk;
        }
        @Override public float[] expectedProprio() { return expected; }
    }

    @Test
    void forecastErrorsMeasureHowFarTheControllersModelWasFromWhatHappened() {
        FixedBudgetEvaluator eval = new FixedBudgetEvaluator(new FixedBudgetEvaluator.Settings(6, 15, 3, 0));
        List<EpisodeRecord> exact = eval.run(new LineWorld(), new ForecastingGreedy(0), i -> {});
        List<EpisodeRecord> biased = eval.run(new LineWorld(), new ForecastingGreedy(0.25), i -> {});
        for (int i = 0; i < 6; i++) {
            assertEquals(7, exact.get(i).forecastErrors().length, "15 steps in chunks of 2: the 8th chunk was cut short");
            for (double e : exact.get(i).forecastErrors()) {
                assertEquals(0, e, 1e-5, "a forecast that matches the world misses by nothing");
            }
            for (double e : biased.get(i).forecastErrors()) {
                assertEquals(0.25, e, 1e-5);
            }
        }
        assertEquals(0.25, EvaluationSummary.of("line", biased).forecastErrorMedian(), 1e-5);
        assertEquals(0.25, (double) EvaluationSummary.of("line", biased).toJson().get("forecast_error_median"), 1e-5);
        List<EpisodeRecord> none = eval.run(new LineWorld(), new GreedyController(), i -> {});
        assertEquals(0, none.get(0).forecastErrors().length, "a plain controller makes no forecasts");
        assertTrue(Double.isNaN(EvaluationSummary.of("line", none).forecastErrorMedian()));
        assertTrue(!EvaluationSummary.of("line", none).toJson().containsKey("forecast_error_median"));
    }

    @Test
    void pairsAreFixedBySeed() {
        FixedBudgetEvaluator a = new FixedBudgetEvaluator(new FixedBudgetEvaluator.Settings(5, 3, 11, 0));
        List<EpisodeRecord> first = a.run(new LineWorld(), new GreedyController(), i -> {});
        List<EpisodeRecord> second = a.run(new LineWorld(), new GreedyController(), i -> {});
        for (int i = 0; i < 5; i++) {
            assertEquals(first.get(i).seed(), second.get(i).seed());
            assertEquals(first.get(i).finalDistance(), second.get(i).finalDistance(), 0.0);
        }
    }

    @Test
    void wilsonMatchesReferenceValues() {
        // Reference values: the textbook Wilson bounds (0/10 -> upper 0.2775), evaluated in Python doubles for the others.
        WilsonInterval zero = WilsonInterval.of95(0, 10);
        assertEquals(0.0, zero.low(), 1e-12);
        assertEquals(0.27753, zero.high(), 1e-4);
        WilsonInterval half = WilsonInterval.of95(5, 10);
        assertEquals(0.23659, half.low(), 1e-4);
        assertEquals(0.76341, half.high(), 1e-4);
        WilsonInterval most = WilsonInterval.of95(48, 50);
        assertEquals(0.86538, most.low(), 1e-4);
        assertEquals(0.98897, most.high(), 1e-4);
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of95(3, 2));
    }

    @Test
    void quantileInterpolates() {
        assertEquals(2.5, EvaluationSummary.quantile(new double[] {1, 2, 3, 4}, 0.5), 1e-12);
        assertTrue(Double.isNaN(EvaluationSummary.quantile(new double[0], 0.5)));
    }
}

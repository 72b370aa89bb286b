package ai.foresight.experiments.planbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.foresight.planner.optim.OptimizationResult;
import ai.foresight.planner.optim.SearchSpace;
import org.junit.jupiter.api.Test;

class LatentGoalObjectiveTest {

    @Test
    void referenceActionsReachTheGoalExactlyAndOthersDoNot() {
        try (NDManager m = NDManager.newBaseManager("PyTorch");
                BenchModel bench = BenchModel.freshPreset("tiny", 0, 3, m);
                PlanningScenario scenario = PlanningScenario.reachable(bench.model(), 3, 1f, 11, m)) {
            LatentGoalObjective objective = scenario.objective(bench.model());
            int ka = bench.model().config().predictor().frameActionDim();
            float[] reference = scenario.referenceActions();
            float[] other = reference.clone();
            for (int i = 0; i < other.length; i++) {
                other[i] = -other[i];
            }
            float[] both = new float[2 * reference.length];
            System.arraycopy(reference, 0, both, 0, reference.length);
            System.arraycopy(other, 0, both, reference.length, other.length);
            float[] costs = objective.evaluate(m.create(both, new Shape(2, 3, ka))).toFloatArray();
            assertEquals(0f, costs[0], 1e-10f);
            assertTrue(costs[1] > 1e-4f, "other actions should miss the goal, cost " + costs[1]);
        }
    }

    @Test
    void cemOnTheScenarioImprovesOnTheStartMean() {
        try (NDManager m = NDManager.newBaseManager("PyTorch");
                BenchModel bench = BenchModel.freshPreset("tiny", 0, 3, m);
                PlanningScenario scenario = PlanningScenario.reachable(bench.model(), 2, 1f, 5, m)) {
            PlanBenchConfig config = PlanBenchConfig.tiny();
            int ka = bench.model().config().predictor().frameActionDim();
            LatentGoalObjective objective = scenario.objective(bench.model());
            float zeroCost = objective.evaluate(m.zeros(new Shape(1, 2, ka))).getFloat(0);
            try (OptimizationResult r = config.optimizer("cem", 6, 0)
                    .optimize(objective, SearchSpace.symmetric(2, ka, 2f), m)) {
                assertTrue(r.bestCost() < zeroCost, "CEM " + r.bestCost() + " vs zero actions " + zeroCost);
            }
        }
    }

    @Test
    void goalOfTheWrongShapeIsRefused() {
        try (NDManager m = NDManager.newBaseManager("PyTorch");
                BenchModel bench = BenchModel.freshPreset("tiny", 0, 3, m);
                PlanningScenario scenario = PlanningScenario.reachable(bench.model(), 2, 1f, 5, m)) {
            NDArray wrong = m.zeros(new Shape(3, 8));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LatentGoalObjective(
                    bench.model(), scenario.context(), wrong, scenario.goalProprio(), 1f));
            assertEquals("goalLatents: expected (4, 8), got (3, 8)", e.getMessage());
        }
    }
}

package ai.foresight.planner.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** No optimiser leaks arrays, all are reproducible from their seed, and bad objectives are reported. */
class OptimizerHygieneTest {
    private static final SearchSpace SPACE = SearchSpace.symmetric(3, 2, 1f);

    private static List<Supplier<SequenceOptimizer>> all() {
        return List.of(
                () -> new CemOptimizer(CemConfig.tiny()),
                () -> new IcemOptimizer(IcemConfig.tiny()),
                () -> new MppiOptimizer(MppiConfig.tiny()),
                () -> new GradientOptimizer(GradientConfig.tiny().withSteps(5)),
                () -> new CemGradientOptimizer(new CemGradientConfig(CemConfig.tiny(), GradientConfig.refinement().withSteps(5))));
    }

    /**
     * A differentiable objective written the careless way: its first operand is a long-lived
     * array, so DJL attaches every result to the long-lived manager. Only the optimiser's
     * NDScope keeps this from leaking.
     */
    private static DifferentiableObjective longLivedFirstOperand(NDArray goal) {
        return actions -> goal.sub(actions).square().sum(new int[] {1, 2});
    }

    @Test
    void repeatedOptimisationDoesNotGrowTheManager() {
        for (Supplier<SequenceOptimizer> factory : all()) {
            SequenceOptimizer optimizer = factory.get();
            try (NDManager base = NDManager.newBaseManager()) {
                NDArray goal = base.create(new float[] {0.3f, -0.2f, 0.1f, 0.4f, -0.5f, 0.2f}, new Shape(3, 2));
                DifferentiableObjective objective = longLivedFirstOperand(goal);
                NDArray warm = base.zeros(new Shape(3, 2));
                optimizer.optimize(objective, SPACE, WarmStart.ofMean(warm), base).close();
                int baseline = base.getManagedArrays().size();
                for (int i = 0; i < 4; i++) {
                    try (OptimizationResult result = optimizer.optimize(objective, SPACE, WarmStart.ofMean(warm), base)) {
                        int resultArrays = result.elites() == null ? 2 : 3;
                        assertEquals(baseline + resultArrays, base.getManagedArrays().size(),
                                optimizer.name() + ": only the result's arrays may stay attached");
                    }
                    assertEquals(baseline, base.getManagedArrays().size(), optimizer.name() + ": arrays leaked on plan " + i);
                }
            }
        }
    }

    @Test
    void warmStartElitesDoNotGrowTheManager() {
        // iCEM takes its first population's carried elites from the warm start's elites
        IcemOptimizer optimizer = new IcemOptimizer(IcemConfig.tiny());
        try (NDManager base = NDManager.newBaseManager()) {
            NDArray goal = base.create(new float[] {0.3f, -0.2f, 0.1f, 0.4f, -0.5f, 0.2f}, new Shape(3, 2));
            DifferentiableObjective objective = longLivedFirstOperand(goal);
            NDArray warmMean = base.zeros(new Shape(3, 2));
            NDArray warmElites = base.full(new Shape(5, 3, 2), 0.2f);
            WarmStart warm = new WarmStart(warmMean, warmElites);
            optimizer.optimize(objective, SPACE, warm, base).close();
            int baseline = base.getManagedArrays().size();
            for (int i = 0; i < 3; i++) {
                optimizer.optimize(objective, SPACE, warm, base).close();
                assertEquals(baseline, base.getManagedArrays().size(), "icem: arrays leaked on plan " + i + " with warm-start elites");
            }
        }
    }

    @Test
    void sameSeedSameResultOtherSeedOtherResult() {
        float[] a = bestOf(new CemOptimizer(CemConfig.tiny().withSeed(5)));
        float[] b = bestOf(new CemOptimizer(CemConfig.tiny().withSeed(5)));
        float[] c = bestOf(new CemOptimizer(CemConfig.tiny().withSeed(6)));
        assertArrayEquals(a, b, "same seed");
        assertFalse(Arrays.equals(a, c), "different seeds");
        assertArrayEquals(bestOf(new IcemOptimizer(IcemConfig.tiny())), bestOf(new IcemOptimizer(IcemConfig.tiny())));
        assertArrayEquals(bestOf(new MppiOptimizer(MppiConfig.tiny())), bestOf(new MppiOptimizer(MppiConfig.tiny())));
    }

    @Test
    void wrongCostShapeIsReported() {
        ObjectiveFunction wrong = actions -> actions.sum(new int[] {2});
        try (NDManager m = NDManager.newBaseManager()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new CemOptimizer(CemConfig.tiny()).optimize(wrong, SPACE, m));
            assertTrue(e.getMessage().startsWith("objective: expected costs of shape (64)"), e.getMessage());
        }
    }

    @Test
    void warmStartOfTheWrongShapeIsReported() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray bad = m.zeros(new Shape(4, 2));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new CemOptimizer(CemConfig.tiny()).optimize(a -> a.sum(new int[] {1, 2}), SPACE, WarmStart.ofMean(bad), m));
            assertTrue(e.getMessage().startsWith("warmStart.mean"), e.getMessage());
        }
    }

    @Test
    void nanCostsCountAsInfinitelyBad() {
        // candidates whose first action dimension is positive get NaN; the optimiser must prefer the rest
        ObjectiveFunction nanAbove = actions -> {
            NDArray first = actions.get(":, :, 0");
            NDArray cost = first.sub(1f).square().sum(new int[] {1});
            NDArray nan = cost.getManager().full(cost.getShape(), Float.NaN);
            return ai.djl.ndarray.NDArrays.where(first.sum(new int[] {1}).gt(0), nan, cost);
        };
        try (NDManager m = NDManager.newBaseManager();
                OptimizationResult r = new CemOptimizer(CemConfig.tiny()).optimize(nanAbove, SPACE, m)) {
            assertTrue(Float.isFinite(r.bestCost()), "best cost " + r.bestCost());
            float[] x = r.best().toFloatArray();
            assertTrue(x[0] + x[2] + x[4] <= 0, "a NaN-cost candidate was returned");
        }
    }

    private static float[] bestOf(SequenceOptimizer optimizer) {
        try (NDManager m = NDManager.newBaseManager();
                OptimizationResult r = optimizer.optimize(a -> a.sub(0.25f).square().sum(new int[] {1, 2}), SPACE, m)) {
            return r.best().toFloatArray();
        }
    }
}

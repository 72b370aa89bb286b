package ai.foresight.planner.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.foresight.planner.fixtures.QuadraticObjective;
import org.junit.jupiter.api.Test;

/** Projected Adam goes downhill, uses the true gradient and refuses objectives it cannot differentiate. */
class GradientOptimizerTest {
    private static final float[][] TARGET = {{0.5f, -0.25f}, {0.1f, 0.4f}, {-0.3f, 0.2f}};
    private static final float[] WEIGHTS = {2f, 0.5f};

    @Test
    void oneStepGoesDownhill() {
        SearchSpace space = SearchSpace.symmetric(3, 2, 1f);
        GradientConfig oneStep = new GradientConfig(1, 0.05f, 0.9f, 0.999f, 1e-8f, 1, 0f, 0L);
        try (NDManager m = NDManager.newBaseManager();
                NDArray start = m.create(new float[] {-0.5f, 0.5f, 0.8f, -0.8f, 0.3f, -0.6f}, new Shape(3, 2));
                OptimizationResult result = new GradientOptimizer(oneStep)
                        .optimize(new QuadraticObjective(TARGET, WEIGHTS), space, WarmStart.ofMean(start), m)) {
            var it = result.trace().iterations();
            assertEquals(2, it.size(), "one gradient evaluation plus the final evaluation");
            float before = it.get(0).bestCost();
            float after = it.get(1).bestCost();
            System.out.printf("one Adam step: cost %.5f -> %.5f%n", before, after);
            assertTrue(after < before, "cost went from " + before + " to " + after);
            // Adam's first step moves every coordinate by lr against the sign of its gradient
            float[] x0 = {-0.5f, 0.5f, 0.8f, -0.8f, 0.3f, -0.6f};
            float[] x1 = result.mean().toFloatArray();
            for (int i = 0; i < x0.length; i++) {
                float gradientSign = Math.signum(WEIGHTS[i % 2] * (x0[i] - TARGET[i / 2][i % 2]));
                assertEquals(x0[i] - 0.05f * gradientSign, x1[i], 1e-5, "coordinate " + i);
            }
        }
    }

    @Test
    void costAndGradientMatchesTheAnalyticGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] x = {-0.5f, 0.5f, 0.8f, -0.8f, 0.3f, -0.6f, 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f};
            NDArray actions = m.create(x, new Shape(2, 3, 2));
            DifferentiableObjective.CostGradient cg = new QuadraticObjective(TARGET, WEIGHTS).costAndGradient(actions);
            float[] g = cg.gradient().toFloatArray();
            for (int i = 0; i < x.length; i++) {
                int t = (i / 2) % 3;
                int a = i % 2;
                assertEquals(2 * WEIGHTS[a] * (x[i] - TARGET[t][a]), g[i], 1e-5, "d cost / d x[" + i + "]");
            }
            assertEquals(2, cg.costs().getShape().get(0));
        }
    }

    @Test
    void refusesObjectivesThatAreNotDifferentiable() {
        ObjectiveFunction blackBox = actions -> actions.square().sum(new int[] {1, 2});
        try (NDManager m = NDManager.newBaseManager()) {
            SearchSpace space = SearchSpace.symmetric(2, 1, 1f);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new GradientOptimizer(GradientConfig.tiny()).optimize(blackBox, space, m));
            assertTrue(e.getMessage().startsWith("objective"), e.getMessage());
            DifferentiableObjective saysNo = new DifferentiableObjective() {
                @Override
                public NDArray evaluate(NDArray actions) {
                    return actions.sum(new int[] {1, 2});
                }

                @Override
                public boolean isDifferentiable() {
                    return false;
                }
            };
            assertThrows(IllegalArgumentException.class,
                    () -> new CemGradientOptimizer(CemGradientConfig.tiny()).optimize(saysNo, space, m));
        }
    }

    @Test
    void refinementNeverWorsensTheCemResult() {
        SearchSpace space = SearchSpace.symmetric(3, 2, 1f);
        try (NDManager m = NDManager.newBaseManager();
                OptimizationResult cem = new CemOptimizer(CemConfig.tiny()).optimize(new QuadraticObjective(TARGET, WEIGHTS), space, m);
                OptimizationResult both = new CemGradientOptimizer(CemGradientConfig.tiny())
                        .optimize(new QuadraticObjective(TARGET, WEIGHTS), space, m)) {
            System.out.printf("CEM tiny %.6f, CEM + gradient %.6f%n", cem.bestCost(), both.bestCost());
            assertTrue(both.bestCost() <= cem.bestCost(), "refined " + both.bestCost() + " > CEM " + cem.bestCost());
            assertTrue(both.bestCost() < 1e-3, "refined cost " + both.bestCost());
            assertEquals(CemConfig.tiny().iterations() + CemGradientConfig.tiny().gradient().steps() + 1,
                    both.trace().iterations().size(), "CEM trace followed by the gradient trace");
        }
    }
}

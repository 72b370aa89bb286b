package ai.foresight.planner.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.foresight.planner.optim.ObjectiveFunction;
import ai.foresight.planner.optim.OptimizationResult;
import ai.foresight.planner.optim.SearchSpace;
import ai.foresight.planner.optim.SequenceOptimizer;
import org.junit.jupiter.api.Test;

/** {@link PlannerKind#create}: the initial standard deviation reaches the sampling optimisers. */
class PlannerKindTest {
    // a box far wider than any spread tested, so clipping does not shrink the measured spread
    private static final SearchSpace SPACE = SearchSpace.symmetric(4, 2, 50f);

    @Test
    void firstPopulationSpreadFollowsInitSigma() {
        for (PlannerKind kind : new PlannerKind[] {PlannerKind.CEM, PlannerKind.ICEM, PlannerKind.MPPI}) {
            for (float sigma : new float[] {0.5f, 2.5f}) {
                double spread = firstPopulationStd(kind.create(600, 2, sigma, 3L));
                // 600 x 8 draws: the sample std is within a few percent of sigma (iCEM's coloured noise is
                // normalised to unit variance per dimension)
                assertEquals(sigma, spread, 0.12 * sigma, kind.id() + " at initSigma " + sigma);
            }
        }
    }

    @Test
    void zeroKeepsThePublishedDefault() {
        // CEM's published initial sigma is 1 (DINO-WM)
        assertEquals(1.0, firstPopulationStd(PlannerKind.CEM.create(600, 2, 0f, 3L)), 0.12);
    }

    @Test
    void negativeOrInfiniteSigmaIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PlannerKind.CEM.create(0, 0, -1f, 0L));
        assertThrows(IllegalArgumentException.class, () -> PlannerKind.CEM.create(0, 0, Float.POSITIVE_INFINITY, 0L));
        assertThrows(IllegalArgumentException.class, () -> AgentConfig.defaults().withInitSigma(Float.NaN));
    }

    /** Standard deviation of every value the optimiser's first objective call sees, around their mean. */
    private static double firstPopulationStd(SequenceOptimizer optimizer) {
        double[] result = new double[1];
        boolean[] first = {true};
        ObjectiveFunction spy = actions -> {
            if (first[0]) {
                first[0] = false;
                float[] v = actions.toFloatArray();
                double mean = 0, sq = 0;
                for (float x : v) {
                    mean += x;
                }
                mean /= v.length;
                for (float x : v) {
                    sq += (x - mean) * (x - mean);
                }
                result[0] = Math.sqrt(sq / v.length);
            }
            return actions.square().sum(new int[] {1, 2});
        };
        try (NDManager manager = NDManager.newBaseManager(); OptimizationResult r = optimizer.optimize(spy, SPACE, manager)) {
            NDArray best = r.best();
            assertEquals(8, best.size());
        }
        return result[0];
    }
}

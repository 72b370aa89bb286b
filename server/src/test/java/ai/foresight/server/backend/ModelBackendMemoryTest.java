package ai.foresight.server.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.foresight.server.spi.Goal;
import ai.foresight.server.spi.GoalHandle;
import ai.foresight.server.spi.PlanInput;
import ai.foresight.server.spi.PlanResult;
import ai.foresight.server.spi.PlannerSettings;
import ai.foresight.server.spi.WarmStart;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 2,000 plans (250 batches of 7 robots and 250 single plans) through every path (session warm starts, registered and inline goals, batches) leave nothing behind. */
class ModelBackendMemoryTest {
    private static final int PLANS = 2_000;

    @Test
    void arrayCountIsFlatAndHeapBoundedOverTwoThousandPlans() {
        try (NDManager root = NDManager.newBaseManager();
                ServedModel model = TinyModels.micro(root);
                ModelBackend backend = new ModelBackend(model, ModelBackendConfig.tiny(), root)) {
            PlannerSettings small = new PlannerSettings(2, 4, 1, 1);
            float[] proprio = {0.1f, 0.2f};
            WarmStart[] sessions = new WarmStart[7];
            GoalHandle goal = backend.encodeGoal(TinyModels.frame(30), proprio);
            int baseline = -1;
            long heapAfterWarmUp = 0;
            for (int i = 0; i < PLANS; i += 8) {
                if (i % 200 == 0) {
                    goal.close();
                    goal = backend.encodeGoal(TinyModels.frame(30 + i / 200), proprio); // goals come and go
                }
                Goal registered = new Goal.Registered("g", goal);
                Goal inline = new Goal.Observed(TinyModels.frame(31), proprio);
                List<PlanInput> batch = new ArrayList<>();
                for (int s = 0; s < sessions.length; s++) {
                    batch.add(new PlanInput(TinyModels.frame(i + s), proprio, s % 3 == 1 ? inline : registered, small));
                }
                List<PlanResult> results = backend.planBatch(batch, Arrays.asList(sessions));
                for (int s = 0; s < sessions.length; s++) {
                    sessions[s] = results.get(s).warmStart();
                }
                PlanResult single = backend.plan(new PlanInput(TinyModels.frame(i + 7), proprio, inline, small), null);
                assertEquals(2, single.actions().length);
                int arrays = backend.manager().getManagedArrays().size();
                if (i == 200) {
                    baseline = arrays;
                    heapAfterWarmUp = usedHeapAfterGc();
                } else if (i > 200) {
                    assertEquals(baseline, arrays, "arrays held after plan " + i);
                }
            }
            long growth = usedHeapAfterGc() - heapAfterWarmUp;
            assertTrue(growth < 16L << 20, "heap grew by " + (growth >> 10) + " KiB over " + PLANS + " plans");
            assertEquals(2, baseline, "only the open goal's latent and proprio stay");
            goal.close();
            assertEquals(0, backend.manager().getManagedArrays().size());
        }
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}

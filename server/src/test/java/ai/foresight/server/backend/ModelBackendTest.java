package ai.foresight.server.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.foresight.encoders.nn.GradModeOff;
import ai.foresight.server.spi.Goal;
import ai.foresight.server.spi.GoalHandle;
import ai.foresight.server.spi.ModelInfo;
import ai.foresight.server.spi.PlanInput;
import ai.foresight.server.spi.PlanResult;
import ai.foresight.server.spi.PlannerSettings;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The backend in-process on an untrained tiny model: shapes, bounds, goal paths, batching, warm start, errors. */
class ModelBackendTest {
    private NDManager root;
    private ServedModel model;
    private ModelBackend backend;

    @BeforeEach
    void open() {
        root = NDManager.newBaseManager();
        model = SyntheticModels.create("tiny", 3, root);
        backend = new ModelBackend(model, ModelBackendConfig.tiny(), root);
    }

    @AfterEach
    void close() {
        backend.close();
        model.close();
        root.close();
    }

    private PlanInput input(int seed, Goal goal) {
        return new PlanInput(TinyModels.frame(seed), new float[] {0.1f * seed, -0.2f}, goal, backend.info().defaults());
    }

    private static Goal.Observed inlineGoal() {
        return new Goal.Observed(TinyModels.frame(40), new float[] {0.5f, 0.5f});
    }

    @Test
    void infoCountsEnvironmentStepsOfTheModel() {
        ModelInfo info = backend.info();
        assertEquals(32, info.imageHeight());
        assertEquals(2, info.actionDim());
        assertEquals(1, info.frameskip(), "each returned row is one environment step");
        assertEquals(2, info.chunkSize(), "one latent frame of frameskip 2");
        assertEquals(2, info.proprioDim());
        assertEquals(new PlannerSettings(6, 32, 3, 4), info.defaults());
        assertEquals(12, info.limits().maxHorizon());
    }

    @Test
    void planReturnsAChunkInBoundsAndTheRestOfTheHorizon() {
        PlanResult result = backend.plan(input(1, inlineGoal()), null);
        assertEquals(2, result.actions().length);
        assertEquals(4, result.plannedRest().length, "horizon 6 minus chunk 2");
        for (float[][] rows : List.of(result.actions(), result.plannedRest())) {
            for (float[] row : rows) {
                assertEquals(2, row.length);
                for (float v : row) {
                    assertTrue(v >= -1f && v <= 1f, "action " + v + " outside [-1, 1]");
                }
            }
        }
        assertTrue(Double.isFinite(result.objective()) && result.objective() >= 0);
        assertTrue(result.encodeMs() > 0 && result.planMs() > 0);
        assertNotNull(result.warmStart());
    }

    @Test
    void anOddHorizonIsPlannedInWholeFramesAndCutToTheRequest() {
        PlanInput odd = new PlanInput(TinyModels.frame(1), new float[] {0, 0}, inlineGoal(), new PlannerSettings(5, 16, 2, 4));
        PlanResult result = backend.plan(odd, null);
        assertEquals(3, result.plannedRest().length, "5 steps requested, 2 executed");
        assertEquals(6, ((SessionState) result.warmStart()).startingPoint().length, "3 frames of 2 steps planned");
    }

    @Test
    void aRegisteredGoalPlansExactlyLikeTheSameGoalSentInline() {
        PlanResult inline = backend.plan(input(2, inlineGoal()), null);
        try (ModelBackend other = new ModelBackend(model, ModelBackendConfig.tiny(), root);
                GoalHandle handle = other.encodeGoal(TinyModels.frame(40), new float[] {0.5f, 0.5f})) {
            PlanResult registered = other.plan(input(2, new Goal.Registered("g", handle)), null);
            assertEquals(inline.objective(), registered.objective(), 1e-5);
            assertRowsEqual(inline.actions(), registered.actions(), 1e-4f);
        }
    }

    @Test
    void aBatchPlansLikeTheSameRequestsOneByOne() {
        List<PlanInput> inputs = List.of(input(1, inlineGoal()), input(2, inlineGoal()), input(3, inlineGoal()));
        List<PlanResult> batch = backend.planBatch(inputs, Arrays.asList(null, null, null));
        try (ModelBackend single = new ModelBackend(model, ModelBackendConfig.tiny(), root)) {
            for (int i = 0; i < inputs.size(); i++) {
                PlanResult alone = single.plan(inputs.get(i), null);
                assertEquals(alone.objective(), batch.get(i).objective(), 1e-5, "request " + i);
                assertRowsEqual(alone.actions(), batch.get(i).actions(), 1e-4f);
            }
        }
    }

    @Test
    void theWarmStartIsTheRestOfThePreviousPlanAndFeedsTheNextOne() {
        PlanResult first = backend.plan(input(1, inlineGoal()), null);
        SessionState state = (SessionState) first.warmStart();
        float[][] start = state.startingPoint();
        assertEquals(6, start.length);
        for (int t = 0; t < first.plannedRest().length; t++) {
            assertArrayEquals(first.plannedRest()[t], start[t], 1e-5f, "row " + t + " continues the previous plan");
        }
        assertArrayEquals(new float[] {0, 0}, start[4], 1e-6f, "the tail is filled with the mean action");
        assertArrayEquals(new float[] {0, 0}, start[5], 1e-6f);
        assertEquals(1, state.history().size(), "history 2 keeps the previous observation");
        float[] executed = state.history().entries().get(0).frameAction();
        assertArrayEquals(new float[] {first.actions()[0][0], first.actions()[0][1], first.actions()[1][0],
                first.actions()[1][1]}, executed, 1e-6f, "identity statistics: the executed chunk, as one frame action");

        PlanResult second = backend.plan(input(2, inlineGoal()), state);
        SessionState next = (SessionState) second.warmStart();
        assertSame(state.planner(), next.planner(), "the same search continues");
        assertEquals(1, next.history().size(), "capacity is history - 1");

        PlannerSettings other = new PlannerSettings(6, 16, 2, 4);
        PlanResult changed = backend.plan(new PlanInput(TinyModels.frame(3), new float[] {0, 0}, inlineGoal(), other),
                next);
        assertNotSame(next.planner(), ((SessionState) changed.warmStart()).planner(), "new settings: a fresh search");
        PlanResult newGoal = backend.plan(input(4, new Goal.Observed(TinyModels.frame(41), new float[] {0, 0})), next);
        assertNotSame(next.planner(), ((SessionState) newGoal.warmStart()).planner(), "new goal: a fresh search");
    }

    @Test
    void badInputsNameTheFieldAndTouchNothing() {
        PlanInput wrongProprio = new PlanInput(TinyModels.frame(1), new float[] {0, 0, 0}, inlineGoal(),
                backend.info().defaults());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> backend.plan(wrongProprio, null));
        assertEquals("observation.proprio: expected length 2, got 3", e.getMessage());
        PlanInput wrongSize = new PlanInput(new ai.foresight.datasets.image.Frame(16, 32, new byte[16 * 32 * 3]),
                new float[] {0, 0}, inlineGoal(), backend.info().defaults());
        e = assertThrows(IllegalArgumentException.class, () -> backend.plan(wrongSize, null));
        assertEquals("observation.image: expected 32x32 pixels, got 16x32", e.getMessage());
        GoalHandle closed = backend.encodeGoal(TinyModels.frame(40), new float[] {0, 0});
        closed.close();
        closed.close();
        e = assertThrows(IllegalArgumentException.class,
                () -> backend.plan(input(1, new Goal.Registered("g", closed)), null));
        assertTrue(e.getMessage().startsWith("goal:"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> backend.encodeGoal(TinyModels.frame(40), new float[] {0}));
        PlanInput shortHorizon = new PlanInput(TinyModels.frame(1), new float[] {0, 0}, inlineGoal(),
                new PlannerSettings(1, 8, 1, 1));
        e = assertThrows(IllegalArgumentException.class, () -> backend.plan(shortHorizon, null));
        assertEquals("settings.horizon: expected at least the chunk size 2, got 1", e.getMessage());
    }

    @Test
    void planningOnAnotherThreadRecordsNoAutogradAndRestoresTheThreadsMode() throws Exception {
        java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            boolean[] modes = worker.submit(() -> {
                boolean before = GradModeOff.recording();
                boolean inside;
                try (GradModeOff off = GradModeOff.enter()) {
                    inside = GradModeOff.recording();
                }
                backend.plan(input(1, inlineGoal()), null);
                return new boolean[] {before, inside, GradModeOff.recording()};
            }).get();
            assertTrue(modes[0], "libtorch records autograd on a fresh thread by default");
            assertEquals(false, modes[1], "off while planning");
            assertTrue(modes[2], "the thread's own mode is restored after a plan");
        } finally {
            worker.shutdownNow();
        }
    }

    private static void assertRowsEqual(float[][] expected, float[][] actual, float tolerance) {
        assertEquals(expected.length, actual.length);
        for (int t = 0; t < expected.length; t++) {
            assertArrayEquals(expected[t], actual[t], tolerance, "row " + t);
        }
    }
}

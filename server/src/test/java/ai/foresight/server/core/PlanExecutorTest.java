package ai.foresight.server.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.datasets.image.Frame;
import ai.foresight.server.metrics.ServerMetrics;
import ai.foresight.server.spi.Goal;
import ai.foresight.server.spi.GoalHandle;
import ai.foresight.server.spi.ModelInfo;
import ai.foresight.server.spi.PlanInput;
import ai.foresight.server.spi.PlanResult;
import ai.foresight.server.spi.PlannerLimits;
import ai.foresight.server.spi.PlannerSettings;
import ai.foresight.server.spi.PlanningBackend;
import ai.foresight.server.spi.WarmStart;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PlanExecutorTest {

    private static final ModelInfo INFO = new ModelInfo("gate", 2, 2, 1, new float[] {-1}, new float[] {1}, 1, 1, 1,
            new PlannerSettings(2, 4, 1, 1), new PlannerLimits(4, 8, 2, 4));

    /** Holds its first call until released, then answers action = proprio[0] clipped; records batch sizes. */
    private static final class GateBackend implements PlanningBackend {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<Integer> batches = new CopyOnWriteArrayList<>();

        @Override
        public ModelInfo info() {
            return INFO;
        }

        @Override
        public GoalHandle encodeGoal(Frame frame, float[] proprio) {
            return new GoalHandle() { };
        }

        @Override
        public List<PlanResult> planBatch(List<PlanInput> inputs, List<WarmStart> previous) {
            batches.add(inputs.size());
            entered.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return PlanningBackend.super.planBatch(inputs, previous);
        }

        @Override
        public PlanResult plan(PlanInput input, WarmStart previous) {
            float a = Math.max(-1, Math.min(1, input.proprio()[0]));
            return new PlanResult(new float[][] {{a}}, new float[0][1], a, 0, 0, null);
        }
    }

    private static PlanInput input(float p) {
        return new PlanInput(Frame.blank(2, 2), new float[] {p}, new Goal.Observed(Frame.blank(2, 2), new float[] {0}),
                INFO.defaults());
    }

    private static Deadline seconds(int s) {
        return Deadline.startingNow(Duration.ofSeconds(s));
    }

    @Test
    void queuedRequestsAreBatchedUpToMaxBatchAndEachSettledOnce() throws Exception {
        GateBackend backend = new GateBackend();
        List<Float> settled = new CopyOnWriteArrayList<>();
        try (PlanExecutor executor = new PlanExecutor(backend, 16, 4, new ServerMetrics())) {
            ExecutorService callers = Executors.newFixedThreadPool(7);
            List<Future<Float>> answers = new ArrayList<>();
            answers.add(callers.submit(() -> executor.submitPlan(input(0.1f), null, seconds(5),
                    r -> settled.add(r.actions()[0][0])).await().value().actions()[0][0]));
            assertTrue(backend.entered.await(5, TimeUnit.SECONDS));
            for (int i = 2; i <= 7; i++) {
                float p = i / 10f;
                answers.add(callers.submit(() -> executor.submitPlan(input(p), null, seconds(5),
                        r -> settled.add(r.actions()[0][0])).await().value().actions()[0][0]));
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (executor.queueDepth() < 6 && System.nanoTime() < until) {
                Thread.sleep(1);
            }
            assertEquals(6, executor.queueDepth());
            backend.release.countDown();
            for (int i = 0; i < answers.size(); i++) {
                assertEquals((i + 1) / 10f, answers.get(i).get(5, TimeUnit.SECONDS), 1e-6f);
            }
            callers.shutdown();
        }
        assertEquals(List.of(1, 4, 2), backend.batches, "one alone, then the six queued in batches of at most 4");
        assertEquals(7, settled.size());
    }

    @Test
    void aFullQueueRefusesAtOnceWithoutSettling() throws Exception {
        GateBackend backend = new GateBackend();
        AtomicInteger settles = new AtomicInteger();
        try (PlanExecutor executor = new PlanExecutor(backend, 1, 1, new ServerMetrics())) {
            Ticket<PlanResult> running = executor.submitPlan(input(0), null, seconds(5), r -> settles.incrementAndGet());
            assertTrue(backend.entered.await(5, TimeUnit.SECONDS));
            Ticket<PlanResult> queued = executor.submitPlan(input(0), null, seconds(5), r -> settles.incrementAndGet());
            ApiException full = assertThrows(ApiException.class,
                    () -> executor.submitPlan(input(0), null, seconds(5), r -> settles.incrementAndGet()));
            assertEquals(503, full.status());
            assertTrue(full.retryAfterSeconds() >= 1);
            backend.release.countDown();
            running.await();
            queued.await();
        }
        assertEquals(2, settles.get());
    }

    @Test
    void aJobWhoseDeadlinePassesInTheQueueIsWithdrawnAndSettledEmpty() throws Exception {
        GateBackend backend = new GateBackend();
        List<PlanResult> settled = new CopyOnWriteArrayList<>();
        try (PlanExecutor executor = new PlanExecutor(backend, 4, 4, new ServerMetrics())) {
            executor.submitPlan(input(0), null, seconds(5), r -> { });
            assertTrue(backend.entered.await(5, TimeUnit.SECONDS));
            Ticket<PlanResult> late = executor.submitPlan(input(0), null,
                    Deadline.startingNow(Duration.ofMillis(50)), settled::add);
            ApiException e = assertThrows(ApiException.class, late::await);
            assertEquals(504, e.status());
            assertEquals(1, settled.size());
            assertNull(settled.get(0), "dropped unplanned");
            assertEquals(0, executor.queueDepth());
            backend.release.countDown();
        }
        assertEquals(List.of(1), backend.batches, "the withdrawn job never reached the backend");
    }

    @Test
    void closingFailsWaitingJobsWith503() throws Exception {
        GateBackend backend = new GateBackend();
        PlanExecutor executor = new PlanExecutor(backend, 4, 1, new ServerMetrics());
        executor.submitPlan(input(0), null, seconds(5), r -> { });
        assertTrue(backend.entered.await(5, TimeUnit.SECONDS));
        Ticket<PlanResult> waiting = executor.submitPlan(input(0), null, seconds(5), r -> { });
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            backend.release.countDown();
        });
        releaser.start();
        executor.close();
        assertEquals("shutting_down", assertThrows(ApiException.class, waiting::await).code());
        assertEquals("shutting_down", assertThrows(ApiException.class,
                () -> executor.submitPlan(input(0), null, seconds(5), r -> { })).code());
        releaser.join();
    }
}

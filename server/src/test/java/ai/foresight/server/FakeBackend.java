package ai.foresight.server;

import ai.foresight.datasets.image.Frame;
import ai.foresight.server.spi.Goal;
import ai.foresight.server.spi.GoalHandle;
import ai.foresight.server.spi.ModelInfo;
import ai.foresight.server.spi.PlanInput;
import ai.foresight.server.spi.PlanResult;
import ai.foresight.server.spi.PlannerLimits;
import ai.foresight.server.spi.PlannerSettings;
import ai.foresight.server.spi.PlanningBackend;
import ai.foresight.server.spi.WarmStart;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A deterministic backend for tests. Each action is {@code GAIN * (goal proprio - proprio)} clipped to [-1, 1];
 * the rest of the horizon repeats the warm start's mean (zeros on a cold start) and the objective is the warm start's
 * counter (plans earlier in the same session), so a test can see what the server carried between plans. It counts
 * its live goal handles and warm starts (and any double close), remembers the last observation and the largest batch,
 * and records which threads called it.
 *
 * <p>Triggers: proprio[0] == 99 throws an internal error whose message must never reach a client; 77 throws an
 * IllegalArgumentException (a 400); 55 returns a non-finite action (a faulty model).
 */
final class FakeBackend implements PlanningBackend {

    static final float GAIN = 0.5f;
    static final ModelInfo INFO = new ModelInfo("fake-v1", 16, 16, 2, new float[] {-1, -1}, new float[] {1, 1}, 5, 2, 2,
            new PlannerSettings(4, 8, 2, 2), new PlannerLimits(8, 64, 5, 16));

    final AtomicInteger liveGoals = new AtomicInteger();
    final AtomicInteger liveWarmStarts = new AtomicInteger();
    final AtomicInteger doubleCloses = new AtomicInteger();
    final AtomicLong plans = new AtomicLong();
    final AtomicInteger largestBatch = new AtomicInteger();
    final Set<String> callerThreads = ConcurrentHashMap.newKeySet();
    volatile long delayMillis;
    volatile Frame lastObservation;
    volatile PlannerSettings lastSettings;

    final class FakeGoal implements GoalHandle {
        final float[] proprio;
        private boolean closed;

        FakeGoal(float[] proprio) {
            this.proprio = proprio.clone();
            liveGoals.incrementAndGet();
        }

        @Override
        public synchronized void close() {
            if (closed) {
                doubleCloses.incrementAndGet();
                return;
            }
            closed = true;
            liveGoals.decrementAndGet();
        }
    }

    final class FakeWarmStart implements WarmStart {
        final long count;
        final float[] mean;
        private boolean closed;

        FakeWarmStart(long count, float[] mean) {
            this.count = count;
            this.mean = mean;
            liveWarmStarts.incrementAndGet();
        }

        @Override
        public synchronized void close() {
            if (closed) {
                doubleCloses.incrementAndGet();
                return;
            }
            closed = true;
            liveWarmStarts.decrementAndGet();
        }
    }

    @Override
    public ModelInfo info() {
        return INFO;
    }

    @Override
    public GoalHandle encodeGoal(Frame frame, float[] proprio) {
        callerThreads.add(Thread.currentThread().getName());
        return new FakeGoal(proprio);
    }

    @Override
    public List<PlanResult> planBatch(List<PlanInput> inputs, List<WarmStart> previous) {
        callerThreads.add(Thread.currentThread().getName());
        largestBatch.accumulateAndGet(inputs.size(), Math::max);
        return PlanningBackend.super.planBatch(inputs, previous);
    }

    @Override
    public PlanResult plan(PlanInput input, WarmStart previous) {
        long delay = delayMillis;
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        float[] proprio = input.proprio();
        if (proprio[0] == 99f) {
            throw new IllegalStateException("secret internal detail at /opt/model/weights.bin");
        }
        if (proprio[0] == 77f) {
            throw new IllegalArgumentException("proprio[0]: the fake model rejects 77");
        }
        lastObservation = input.observation();
        lastSettings = input.settings();
        float[] target = input.goal() instanceof Goal.Registered registered
                ? ((FakeGoal) registered.handle()).proprio : ((Goal.Observed) input.goal()).proprio();
        int k = INFO.chunkSize();
        int a = INFO.actionDim();
        float[][] actions = new float[k][a];
        for (int t = 0; t < k; t++) {
            for (int i = 0; i < a; i++) {
                actions[t][i] = Math.max(-1f, Math.min(1f, GAIN * (target[i] - proprio[i])));
            }
        }
        if (proprio[0] == 55f) {
            actions[0][0] = Float.NaN;
        }
        FakeWarmStart prev = (FakeWarmStart) previous;
        float[][] rest = new float[input.settings().horizon() - k][];
        for (int t = 0; t < rest.length; t++) {
            rest[t] = prev == null ? new float[a] : prev.mean.clone();
        }
        plans.incrementAndGet();
        long count = prev == null ? 0 : prev.count;
        return new PlanResult(actions, rest, count, 0.25, 0.5, new FakeWarmStart(count + 1, actions[0].clone()));
    }
}

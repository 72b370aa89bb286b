package ai.foresight.server.core;

import ai.foresight.datasets.image.Frame;
import ai.foresight.server.metrics.ServerMetrics;
import ai.foresight.server.spi.GoalHandle;
import ai.foresight.server.spi.ModelInfo;
import ai.foresight.server.spi.PlanInput;
import ai.foresight.server.spi.PlanResult;
import ai.foresight.server.spi.PlanningBackend;
import ai.foresight.server.spi.WarmStart;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The single worker in front of the backend: a bounded queue that many robots' requests wait in, drained by one
 * thread that plans whatever is queued as one batch (up to {@code maxBatch}) through
 * {@link PlanningBackend#planBatch}, so the backend never sees two calls at once and concurrent requests share a
 * forward pass.
 *
 * <p>A full queue refuses at once (503) instead of letting latency grow without bound. A job whose deadline passed
 * while it waited is dropped unplanned. Each job's settlement (returning the warm start to its session, releasing a
 * goal lease, registering a new goal) runs exactly once, on whichever thread removed the job from the queue, before
 * the caller is woken; so a robot that gets its answer can send its next request on the same session at once.
 */
public final class PlanExecutor implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PlanExecutor.class.getName());

    private final PlanningBackend backend;
    private final ModelInfo info;
    private final BlockingQueue<Job<?>> queue;
    private final int maxBatch;
    private final ServerMetrics metrics;
    private final Thread worker;
    private volatile boolean running = true;
    /** Exponential moving average of one backend call, for Retry-After estimates. */
    private volatile double meanCallSeconds;

    /**
     * @param queueCapacity requests that may wait at once; more are refused with 503
     * @param maxBatch      most plan requests handed to the backend in one call
     */
    public PlanExecutor(PlanningBackend backend, int queueCapacity, int maxBatch, ServerMetrics metrics) {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity: expected >= 1, got " + queueCapacity);
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch: expected >= 1, got " + maxBatch);
        }
        this.backend = backend;
        this.info = backend.info();
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.maxBatch = maxBatch;
        this.metrics = metrics;
        this.worker = new Thread(this::runWorker, "foresight-plan-worker");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /**
     * Queues one plan.
     *
     * @param settle called exactly once with the plan's result, or with null when the plan failed or was dropped;
     *               it takes ownership of {@code previous} and of the result's warm start
     * @throws ApiException 503 when the queue is full or the executor is closed (settle is not called then)
     */
    public Ticket<PlanResult> submitPlan(PlanInput input, WarmStart previous, Deadline deadline,
                                         Consumer<PlanResult> settle) {
        PlanJob job = new PlanJob(input, previous, deadline, settle);
        enqueue(job);
        return new Ticket<>(this, job);
    }

    /**
     * Queues the encoding of a goal.
     *
     * @param adopt turns the new handle into the caller's value (registers it); runs on the worker
     * @throws ApiException 503 when the queue is full or the executor is closed
     */
    public Ticket<String> submitGoal(Frame frame, float[] proprio, Deadline deadline,
                                     Function<GoalHandle, String> adopt) {
        GoalJob job = new GoalJob(frame, proprio, deadline, adopt);
        enqueue(job);
        return new Ticket<>(this, job);
    }

    /** Seconds a full queue takes to drain at the recent backend speed, at least 1. */
    long retryAfterSeconds() {
        double batches = Math.ceil((queue.remainingCapacity() + queue.size()) / (double) maxBatch);
        return Math.max(1, (long) Math.ceil(batches * meanCallSeconds));
    }

    /** Requests waiting for the worker. */
    public int queueDepth() {
        return queue.size();
    }

    /** Takes a job back out of the queue for its caller; false when the worker already took it. */
    boolean withdraw(Job<?> job) {
        return queue.remove(job);
    }

    /** Stops the worker after its current batch and fails every queued job with 503. */
    @Override
    public void close() {
        running = false;
        try {
            worker.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Job<?>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(job -> job.fail(ApiException.shuttingDown()));
    }

    private void enqueue(Job<?> job) {
        if (!running) {
            throw ApiException.shuttingDown();
        }
        if (!queue.offer(job)) {
            throw ApiException.overloaded(retryAfterSeconds());
        }
    }

    private void runWorker() {
        List<Job<?>> drained = new ArrayList<>();
        while (running) {
            try {
                Job<?> first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                drained.clear();
                drained.add(first);
                queue.drainTo(drained, maxBatch - 1);
                List<PlanJob> plans = new ArrayList<>();
                for (Job<?> job : drained) {
                    if (job.deadline.passed()) {
                        metrics.recordDropped();
                        job.fail(ApiException.deadlineExceeded(job.deadline.budgetMillis()));
                    } else if (job instanceof GoalJob goal) {
                        runGoal(goal);
                    } else {
                        plans.add((PlanJob) job);
                    }
                }
                if (!plans.isEmpty()) {
                    runPlans(plans);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable t) {
                LOG.log(Level.SEVERE, "plan worker survived an unexpected error", t);
            }
        }
    }

    private void recordCall(int size, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        metrics.recordBatch(size, seconds);
        meanCallSeconds = meanCallSeconds == 0 ? seconds : 0.9 * meanCallSeconds + 0.1 * seconds;
    }

    private void runGoal(GoalJob job) {
        long start = System.nanoTime();
        double queueMs = (start - job.enqueuedNanos) / 1e6;
        GoalHandle handle;
        try {
            handle = backend.encodeGoal(job.frame, job.proprio);
        } catch (Throwable t) {
            job.fail(fromBackend(t, "goal encoding"));
            return;
        } finally {
            recordCall(1, start);
        }
        try {
            job.succeed(job.adopt.apply(handle), queueMs, 1);
        } catch (ApiException e) {
            job.fail(e);
        }
    }

    private void runPlans(List<PlanJob> jobs) {
        long start = System.nanoTime();
        List<PlanInput> inputs = new ArrayList<>(jobs.size());
        List<WarmStart> previous = new ArrayList<>(jobs.size());
        for (PlanJob job : jobs) {
            inputs.add(job.input);
            previous.add(job.previous);
        }
        List<PlanResult> results = null;
        Throwable failure = null;
        try {
            results = backend.planBatch(inputs, previous);
            if (results == null || results.size() != jobs.size()) {
                throw new IllegalStateException("planBatch returned " + (results == null ? "null" : results.size())
                        + " results for " + jobs.size() + " inputs");
            }
        } catch (Throwable t) {
            failure = t;
        } finally {
            recordCall(jobs.size(), start);
        }
        if (failure != null && jobs.size() > 1) {
            LOG.log(Level.WARNING, "batch of " + jobs.size() + " failed; planning its requests one by one", failure);
            jobs.forEach(job -> runPlans(List.of(job)));
            return;
        }
        for (int i = 0; i < jobs.size(); i++) {
            PlanJob job = jobs.get(i);
            double queueMs = (start - job.enqueuedNanos) / 1e6;
            if (failure != null) {
                job.fail(fromBackend(failure, "planning"));
                continue;
            }
            PlanResult result = results.get(i);
            String problem = PlanResultCheck.problem(result, info);
            if (problem != null) {
                LOG.severe("backend returned an invalid plan: " + problem);
                if (result != null && result.warmStart() != job.previous) {
                    Session.closeQuietly(result.warmStart());
                }
                job.fail(ApiException.internal("the model returned an invalid plan; see the server log"));
            } else {
                job.succeed(result, queueMs, jobs.size());
            }
        }
    }

    private static ApiException fromBackend(Throwable t, String what) {
        if (t instanceof ApiException api) {
            return api;
        }
        if (t instanceof IllegalArgumentException) {
            return ApiException.badRequest("rejected_by_model", null, String.valueOf(t.getMessage()));
        }
        LOG.log(Level.SEVERE, what + " failed in the backend", t);
        return ApiException.internal(what + " failed; see the server log");
    }

    /** A queued unit of work; {@code settle}/{@code adopt} run exactly once before its future completes. */
    abstract static class Job<T> {
        final Deadline deadline;
        final long enqueuedNanos = System.nanoTime();
        final CompletableFuture<Executed<T>> future = new CompletableFuture<>();

        Job(Deadline deadline) {
            this.deadline = deadline;
        }

        /** Releases what the request holds, then fails its future. */
        abstract void fail(ApiException error);
    }

    private static final class PlanJob extends Job<PlanResult> {
        final PlanInput input;
        final WarmStart previous;
        final Consumer<PlanResult> settle;

        PlanJob(PlanInput input, WarmStart previous, Deadline deadline, Consumer<PlanResult> settle) {
            super(deadline);
            this.input = input;
            this.previous = previous;
            this.settle = settle;
        }

        void succeed(PlanResult result, double queueMs, int batchSize) {
            settleQuietly(result);
            future.complete(new Executed<>(result, queueMs, batchSize));
        }

        @Override
        void fail(ApiException error) {
            settleQuietly(null);
            future.completeExceptionally(error);
        }

        private void settleQuietly(PlanResult result) {
            try {
                settle.accept(result);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "settling a plan failed", e);
            }
        }
    }

    private static final class GoalJob extends Job<String> {
        final Frame frame;
        final float[] proprio;
        final Function<GoalHandle, String> adopt;

        GoalJob(Frame frame, float[] proprio, Deadline deadline, Function<GoalHandle, String> adopt) {
            super(deadline);
            this.frame = frame;
            this.proprio = proprio;
            this.adopt = adopt;
        }

        void succeed(String id, double queueMs, int batchSize) {
            future.complete(new Executed<>(id, queueMs, batchSize));
        }

        @Override
        void fail(ApiException error) {
            future.completeExceptionally(error);
        }
    }

    /**
     * A finished job's value and how it ran.
     *
     * @param value     the plan result or goal id
     * @param queueMs   milliseconds the job waited before its backend call started
     * @param batchSize requests planned in the same backend call
     */
    public record Executed<T>(T value, double queueMs, int batchSize) {
    }
}

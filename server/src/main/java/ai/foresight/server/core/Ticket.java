package ai.foresight.server.core;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A caller's claim on a queued job: {@link #await()} blocks until the job is done or the deadline passes. */
public final class Ticket<T> {

    private static final Logger LOG = Logger.getLogger(Ticket.class.getName());

    private final PlanExecutor executor;
    private final PlanExecutor.Job<T> job;

    Ticket(PlanExecutor executor, PlanExecutor.Job<T> job) {
        this.executor = executor;
        this.job = job;
    }

    /**
     * Waits for the job. When the deadline passes first, a job still queued is withdrawn and settled unplanned;
     * a job already running finishes in the background and still settles (so a session keeps its newest warm start).
     *
     * @throws ApiException 504 on deadline, or the job's own failure
     */
    public PlanExecutor.Executed<T> await() {
        try {
            return job.future.get(Math.max(0, job.deadline.remainingNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            ApiException late = ApiException.deadlineExceeded(job.deadline.budgetMillis());
            if (executor.withdraw(job)) {
                job.fail(late);
            }
            throw late;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (executor.withdraw(job)) {
                job.fail(ApiException.shuttingDown());
            }
            throw ApiException.shuttingDown();
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof ApiException api) {
                throw api;
            }
            LOG.log(Level.SEVERE, "queued job failed", cause);
            throw ApiException.internal("request failed; see the server log");
        }
    }
}

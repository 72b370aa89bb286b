package ai.foresight.server.core;

import ai.foresight.datasets.image.Frame;
import ai.foresight.server.spi.Goal;
import ai.foresight.server.spi.ModelInfo;
import ai.foresight.server.spi.PlanInput;
import ai.foresight.server.spi.PlanResult;
import ai.foresight.server.spi.PlannerSettings;
import ai.foresight.server.spi.WarmStart;

/**
 * Runs one plan for either front end: leases the goal, takes the session's warm start, queues the work, and makes
 * sure goal lease and warm starts are handed back whatever happens (success, backend failure, full queue,
 * deadline). Without a session the warm start a plan returns is closed at once.
 */
public final class PlanService {

    private final ModelInfo info;
    private final PlanExecutor executor;
    private final GoalRegistry goals;

    public PlanService(ModelInfo info, PlanExecutor executor, GoalRegistry goals) {
        this.info = info;
        this.executor = executor;
        this.goals = goals;
    }

    public ModelInfo info() {
        return info;
    }

    /**
     * Plans and waits for the answer.
     *
     * @param session  the robot's session, or null to plan from a cold start and keep nothing
     * @param deadline when the answer is due
     * @throws ApiException 404 unknown goal, 409 busy session, 503 full queue, 504 deadline, 4xx/500 from the backend
     */
    public PlanOutcome plan(PlanRequest request, Session session, Deadline deadline) {
        PlannerSettings settings = request.settings().resolve(info);
        GoalRegistry.Lease lease = request.goalId() != null ? goals.acquire(request.goalId()) : null;
        WarmStart previous;
        try {
            previous = session != null ? session.begin(request.reset()) : null;
        } catch (RuntimeException e) {
            Session.closeQuietly(lease);
            throw e;
        }
        Goal goal = lease != null ? new Goal.Registered(lease.id(), lease.handle())
                : new Goal.Observed(request.goalFrame(), request.goalProprio());
        PlanInput input = new PlanInput(request.observation(), request.proprio(), goal, settings);
        Ticket<PlanResult> ticket;
        try {
            ticket = executor.submitPlan(input, previous, deadline, result -> {
                Session.closeQuietly(lease);
                if (session != null) {
                    session.settle(previous, result);
                } else if (result != null) {
                    Session.closeQuietly(result.warmStart());
                }
            });
        } catch (RuntimeException e) {
            Session.closeQuietly(lease);
            if (session != null) {
                session.settle(previous, null);
            }
            throw e;
        }
        PlanExecutor.Executed<PlanResult> done = ticket.await();
        PlanResult result = done.value();
        return new PlanOutcome(result.actions(), result.plannedRest(), result.objective(), settings,
                result.encodeMs(), result.planMs(), done.queueMs(), done.batchSize(), deadline.elapsedMillis());
    }

    /**
     * Encodes and registers a goal, returning its id.
     *
     * @throws ApiException 429 when the goal registry is full, 503/504 as for plans
     */
    public String registerGoal(Frame frame, float[] proprio, Deadline deadline) {
        goals.requireCapacity();
        return executor.submitGoal(frame, proprio, deadline, goals::register).await().value();
    }
}

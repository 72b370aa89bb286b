package ai.foresight.server.backend;

import ai.djl.ndarray.NDManager;
import ai.foresight.planner.objective.Goal;
import ai.foresight.server.spi.GoalHandle;

/**
 * A goal observation encoded once: the world model's latent of the goal frame, flattened to (n·C), and the goal's
 * standardised proprio (P), as the planner's {@link Goal}, held in a sub-manager of the backend's manager that
 * {@link #close()} frees. Many robots' plans share one.
 */
final class EncodedGoal implements GoalHandle {
    private final ModelBackend owner;
    private final NDManager manager;
    private final Goal goal;
    private boolean closed;

    /** @param manager owns the goal's arrays and nothing else; closed with the handle */
    EncodedGoal(ModelBackend owner, NDManager manager, Goal goal) {
        this.owner = owner;
        this.manager = manager;
        this.goal = goal;
    }

    boolean belongsTo(ModelBackend backend) {
        return owner == backend;
    }

    /** The encoded goal. @throws IllegalStateException once closed */
    synchronized Goal goal() {
        if (closed) {
            throw new IllegalStateException("goal: the encoded goal was already closed");
        }
        return goal;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Frees the arrays; idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            manager.close();
        }
    }
}

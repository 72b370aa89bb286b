package ai.foresight.server.backend;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.foresight.server.spi.GoalHandle;

/**
 * A goal observation encoded once: its latent frame (n, C) and its standardised proprio (P), both held in a
 * sub-manager of the backend's manager that {@link #close()} frees. Many robots' plans can share one.
 */
final class EncodedGoal implements GoalHandle {
    private final ModelBackend owner;
    private final NDManager manager;
    private final NDArray latent;
    private final NDArray proprio;
    private boolean closed;

    /**
     * @param manager owns both arrays; closed with the handle
     * @param latent  (n, C) the goal's latent frame
     * @param proprio (P) standardised goal proprio, or null when the model has none
     */
    EncodedGoal(ModelBackend owner, NDManager manager, NDArray latent, NDArray proprio) {
        this.owner = owner;
        this.manager = manager;
        this.latent = latent;
        this.proprio = proprio;
    }

    boolean belongsTo(ModelBackend backend) {
        return owner == backend;
    }

    /** (n, C) latent frame. @throws IllegalStateException once closed */
    synchronized NDArray latent() {
        requireOpen();
        return latent;
    }

    /** (P) standardised proprio, or null. @throws IllegalStateException once closed */
    synchronized NDArray proprio() {
        requireOpen();
        return proprio;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("goal: the encoded goal was already closed");
        }
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

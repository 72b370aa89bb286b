package ai.foresight.server.core;

import ai.foresight.server.spi.PlanResult;
import ai.foresight.server.spi.WarmStart;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One robot's planning context: the warm start its last plan left, so the next plan starts from the previous
 * solution shifted by the executed chunk instead of from scratch (model-predictive control).
 *
 * <p>A session plans one request at a time: {@link #begin} hands the warm start to a plan and marks the session busy;
 * {@link #settle} stores what the plan returned (or keeps the old warm start when the plan failed) and closes the one
 * replaced. A closed session closes its warm start as soon as no plan uses it.
 */
public final class Session {

    private static final Logger LOG = Logger.getLogger(Session.class.getName());

    private final String id;
    private WarmStart warmStart;
    private boolean busy;
    private boolean closed;
    private long lastUsedNanos;
    private long plans;

    public Session(String id) {
        this.id = id;
        this.lastUsedNanos = System.nanoTime();
    }

    public String id() {
        return id;
    }

    /**
     * Starts a plan and returns the warm start to plan from (null for a cold start).
     *
     * @param reset drop the stored warm start first (a new episode)
     * @throws ApiException 409 when another plan of this session is still running, 404 when the session is closed
     */
    public synchronized WarmStart begin(boolean reset) {
        if (closed) {
            throw ApiException.notFound("session_not_found", "session_id", "session " + id + " was closed or expired");
        }
        if (busy) {
            throw ApiException.conflict("session_busy", "session_id", "session " + id
                    + " is still planning an earlier request; send one request at a time per session");
        }
        busy = true;
        lastUsedNanos = System.nanoTime();
        if (reset) {
            closeQuietly(warmStart);
            warmStart = null;
        }
        return warmStart;
    }

    /**
     * Ends the plan begun with {@link #begin}.
     *
     * @param previous the warm start {@code begin} returned
     * @param result   the plan's result, or null when the plan failed or was dropped (the old warm start is kept)
     */
    public synchronized void settle(WarmStart previous, PlanResult result) {
        busy = false;
        lastUsedNanos = System.nanoTime();
        WarmStart next = result == null ? previous : result.warmStart();
        if (result != null) {
            plans++;
        }
        if (next != previous) {
            closeQuietly(previous);
        }
        if (closed) {
            closeQuietly(next);
            warmStart = null;
        } else {
            warmStart = next;
        }
    }

    /** Closes the session; its warm start is closed now, or when the running plan settles. Idempotent. */
    public synchronized void close() {
        closed = true;
        if (!busy) {
            closeQuietly(warmStart);
            warmStart = null;
        }
    }

    /** True when no plan is running and the session was last used more than {@code ttlNanos} before {@code now}. */
    public synchronized boolean idleSince(long nowNanos, long ttlNanos) {
        return !busy && nowNanos - lastUsedNanos > ttlNanos;
    }

    /** Plans completed in this session. */
    public synchronized long plans() {
        return plans;
    }

    static void closeQuietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "closing " + resource.getClass().getSimpleName() + " failed", e);
        }
    }
}

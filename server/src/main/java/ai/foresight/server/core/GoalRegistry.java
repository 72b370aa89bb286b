package ai.foresight.server.core;

import ai.foresight.server.spi.GoalHandle;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Goals encoded once and referred to by id in later plans. Plans lease a goal while they run, so deleting or
 * expiring a goal never closes a handle the backend is still reading: the handle closes when the last lease ends.
 * A goal expires after it has gone unused for the configured time-to-live.
 */
public final class GoalRegistry {

    private final Map<String, Entry> goals = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxGoals;

    /** A plan's hold on a registered goal; closing it releases the hold. */
    public final class Lease implements AutoCloseable {
        private final Entry entry;
        private boolean released;

        private Lease(Entry entry) {
            this.entry = entry;
        }

        public String id() {
            return entry.id;
        }

        public GoalHandle handle() {
            return entry.handle;
        }

        @Override
        public void close() {
            synchronized (entry) {
                if (released) {
                    return;
                }
                released = true;
                entry.leases--;
                entry.lastUsedNanos = System.nanoTime();
                entry.closeIfUnused();
            }
        }
    }

    private static final class Entry {
        final String id;
        final GoalHandle handle;
        int leases;
        boolean removed;
        boolean closed;
        long lastUsedNanos = System.nanoTime();

        Entry(String id, GoalHandle handle) {
            this.id = id;
            this.handle = handle;
        }

        /** Call holding the entry's lock. */
        void closeIfUnused() {
            if (removed && leases == 0 && !closed) {
                closed = true;
                Session.closeQuietly(handle);
            }
        }
    }

    public GoalRegistry(Duration ttl, int maxGoals) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl: expected > 0, got " + ttl);
        }
        if (maxGoals < 1) {
            throw new IllegalArgumentException("maxGoals: expected >= 1, got " + maxGoals);
        }
        this.ttlNanos = ttl.toNanos();
        this.maxGoals = maxGoals;
    }

    /** Throws 429 when no further goal fits, so callers can refuse before spending time on encoding. */
    public void requireCapacity() {
        if (goals.size() >= maxGoals && evictIdle() == 0 && goals.size() >= maxGoals) {
            throw ApiException.limitReached("too_many_goals", null, "at most " + maxGoals
                    + " goals may be registered; delete unused goals");
        }
    }

    /** Registers an encoded goal and returns its id; on 429 the handle is closed. */
    public String register(GoalHandle handle) {
        synchronized (this) {
            try {
                requireCapacity();
            } catch (ApiException e) {
                Session.closeQuietly(handle);
                throw e;
            }
            String id = OpaqueIds.next("g-");
            goals.put(id, new Entry(id, handle));
            return id;
        }
    }

    /** Leases a live goal. @throws ApiException 404 when unknown, deleted or expired */
    public Lease acquire(String id) {
        Entry entry = goals.get(id);
        if (entry != null) {
            synchronized (entry) {
                if (!entry.removed) {
                    if (entry.leases == 0 && System.nanoTime() - entry.lastUsedNanos > ttlNanos) {
                        remove(entry);
                    } else {
                        entry.leases++;
                        entry.lastUsedNanos = System.nanoTime();
                        return new Lease(entry);
                    }
                }
            }
        }
        throw ApiException.notFound("goal_not_found", "goal_id", "no registered goal '" + id
                + "' (unknown, deleted or expired); register it with POST /v1/goals");
    }

    /** Deletes a goal; its handle closes once no plan uses it. @throws ApiException 404 when unknown */
    public void delete(String id) {
        Entry entry = goals.get(id);
        if (entry == null || !remove(entry)) {
            throw ApiException.notFound("goal_not_found", "goal_id", "no registered goal '" + id + "'");
        }
    }

    /** Removes every goal unused for longer than the TTL; returns how many. */
    public int evictIdle() {
        long now = System.nanoTime();
        int evicted = 0;
        for (Entry entry : goals.values()) {
            synchronized (entry) {
                if (!entry.removed && entry.leases == 0 && now - entry.lastUsedNanos > ttlNanos && remove(entry)) {
                    evicted++;
                }
            }
        }
        return evicted;
    }

    /** Removes every goal (server shutdown); handles still leased close when their plans end. */
    public void closeAll() {
        goals.values().forEach(this::remove);
    }

    public int size() {
        return goals.size();
    }

    private boolean remove(Entry entry) {
        synchronized (entry) {
            if (entry.removed) {
                return false;
            }
            entry.removed = true;
            goals.remove(entry.id, entry);
            entry.closeIfUnused();
            return true;
        }
    }
}

package ai.foresight.server.core;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions robots created over HTTP, each expiring after it has been idle for the configured time-to-live.
 * Expired sessions are removed lazily when looked up and eagerly by {@link #evictIdle()}, which the server runs
 * periodically so that warm starts of robots that went away are freed.
 */
public final class SessionRegistry {

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxSessions;

    public SessionRegistry(Duration ttl, int maxSessions) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl: expected > 0, got " + ttl);
        }
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions: expected >= 1, got " + maxSessions);
        }
        this.ttlNanos = ttl.toNanos();
        this.maxSessions = maxSessions;
    }

    /** Opens a new session. @throws ApiException 429 when {@code maxSessions} are live */
    public Session create() {
        if (sessions.size() >= maxSessions) {
            evictIdle();
        }
        synchronized (this) {
            if (sessions.size() >= maxSessions) {
                throw ApiException.limitReached("too_many_sessions", null, "at most " + maxSessions
                        + " sessions may be open; delete unused sessions");
            }
            Session session = new Session(OpaqueIds.next("s-"));
            sessions.put(session.id(), session);
            return session;
        }
    }

    /** The live session with this id. @throws ApiException 404 when unknown or expired */
    public Session get(String id) {
        Session session = sessions.get(id);
        if (session != null && session.idleSince(System.nanoTime(), ttlNanos)) {
            expire(id, session);
            session = null;
        }
        if (session == null) {
            throw ApiException.notFound("session_not_found", "session_id", "no live session '" + id
                    + "' (unknown, deleted or expired after " + ttlNanos / 1_000_000_000.0 + " s idle)");
        }
        return session;
    }

    /** Deletes a session. @throws ApiException 404 when unknown */
    public void delete(String id) {
        Session session = sessions.remove(id);
        if (session == null) {
            throw ApiException.notFound("session_not_found", "session_id", "no live session '" + id + "'");
        }
        session.close();
    }

    /** Removes and closes every session idle for longer than the TTL; returns how many. */
    public int evictIdle() {
        long now = System.nanoTime();
        int evicted = 0;
        for (Map.Entry<String, Session> entry : sessions.entrySet()) {
            if (entry.getValue().idleSince(now, ttlNanos) && expire(entry.getKey(), entry.getValue())) {
                evicted++;
            }
        }
        return evicted;
    }

    /** Closes every session (server shutdown). */
    public void closeAll() {
        sessions.keySet().forEach(id -> {
            Session session = sessions.remove(id);
            if (session != null) {
                session.close();
            }
        });
    }

    public int size() {
        return sessions.size();
    }

    public Duration ttl() {
        return Duration.ofNanos(ttlNanos);
    }

    private boolean expire(String id, Session session) {
        if (sessions.remove(id, session)) {
            session.close();
            return true;
        }
        return false;
    }
}

package ai.foresight.server;

import java.time.Duration;

/**
 * Everything the planning server needs besides its backend.
 *
 * @param host                     interface to bind ("0.0.0.0" for all, "127.0.0.1" for loopback only)
 * @param bearerToken              token clients must send as {@code Authorization: Bearer <token>}, or null for no
 *                                 authentication ({@code /healthz} is always open)
 * @param maxBodyBytes             largest HTTP body or WebSocket message accepted (413 / close 1009 beyond)
 * @param queueCapacity            plan requests that may wait for the backend at once (503 beyond)
 * @param maxBatch                 most queued plan requests given to the backend in one call
 * @param requestTimeout           deadline of one request from arrival to answer (504 beyond)
 * @param sessionTtl               idle time after which a session and its warm start are dropped
 * @param maxSessions              most sessions open at once (429 beyond)
 * @param goalTtl                  unused time after which a registered goal is dropped
 * @param maxGoals                 most goals registered at once (429 beyond)
 * @param maxWebSocketConnections  most WebSocket clients at once
 * @param webSocketIdleTimeout     a WebSocket with no traffic for this long is closed
 */
public record ServerConfig(String host, String bearerToken, long maxBodyBytes, int queueCapacity, int maxBatch,
                           Duration requestTimeout, Duration sessionTtl, int maxSessions, Duration goalTtl,
                           int maxGoals, int maxWebSocketConnections, Duration webSocketIdleTimeout) {

    public ServerConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host: expected an interface address, got '" + host + "'");
        }
        if (bearerToken != null && (bearerToken.isBlank() || bearerToken.chars().anyMatch(Character::isWhitespace))) {
            throw new IllegalArgumentException("bearerToken: expected null or a non-blank token without whitespace");
        }
        if (maxBodyBytes < 1024 || maxBodyBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxBodyBytes: expected 1024.." + (Integer.MAX_VALUE - 8) + ", got "
                    + maxBodyBytes);
        }
        requireAtLeastOne("queueCapacity", queueCapacity);
        requireAtLeastOne("maxBatch", maxBatch);
        requirePositive("requestTimeout", requestTimeout);
        requirePositive("sessionTtl", sessionTtl);
        requireAtLeastOne("maxSessions", maxSessions);
        requirePositive("goalTtl", goalTtl);
        requireAtLeastOne("maxGoals", maxGoals);
        requireAtLeastOne("maxWebSocketConnections", maxWebSocketConnections);
        requirePositive("webSocketIdleTimeout", webSocketIdleTimeout);
    }

    /** Production defaults: all interfaces, no token, 8 MiB bodies, 64 queued, batches of 8, 10 s deadline. */
    public static ServerConfig defaults() {
        return new ServerConfig("0.0.0.0", null, 8L << 20, 64, 8, Duration.ofSeconds(10), Duration.ofMinutes(10),
                1024, Duration.ofHours(1), 1024, 256, Duration.ofMinutes(5));
    }

    /** For tests: loopback only, small limits, short timeouts. */
    public static ServerConfig tiny() {
        return new ServerConfig("127.0.0.1", null, 256L << 10, 8, 4, Duration.ofSeconds(5), Duration.ofSeconds(30),
                64, Duration.ofMinutes(5), 64, 32, Duration.ofSeconds(30));
    }

    public ServerConfig withBearerToken(String token) {
        return new ServerConfig(host, token, maxBodyBytes, queueCapacity, maxBatch, requestTimeout, sessionTtl,
                maxSessions, goalTtl, maxGoals, maxWebSocketConnections, webSocketIdleTimeout);
    }

    public ServerConfig withQueue(int capacity, int batch) {
        return new ServerConfig(host, bearerToken, maxBodyBytes, capacity, batch, requestTimeout, sessionTtl,
                maxSessions, goalTtl, maxGoals, maxWebSocketConnections, webSocketIdleTimeout);
    }

    public ServerConfig withRequestTimeout(Duration timeout) {
        return new ServerConfig(host, bearerToken, maxBodyBytes, queueCapacity, maxBatch, timeout, sessionTtl,
                maxSessions, goalTtl, maxGoals, maxWebSocketConnections, webSocketIdleTimeout);
    }

    public ServerConfig withSessionTtl(Duration ttl) {
        return new ServerConfig(host, bearerToken, maxBodyBytes, queueCapacity, maxBatch, requestTimeout, ttl,
                maxSessions, goalTtl, maxGoals, maxWebSocketConnections, webSocketIdleTimeout);
    }

    public ServerConfig withMaxBodyBytes(long bytes) {
        return new ServerConfig(host, bearerToken, bytes, queueCapacity, maxBatch, requestTimeout, sessionTtl,
                maxSessions, goalTtl, maxGoals, maxWebSocketConnections, webSocketIdleTimeout);
    }

    public ServerConfig withHost(String newHost) {
        return new ServerConfig(newHost, bearerToken, maxBodyBytes, queueCapacity, maxBatch, requestTimeout,
                sessionTtl, maxSessions, goalTtl, maxGoals, maxWebSocketConnections, webSocketIdleTimeout);
    }

    /** True when requests must carry the bearer token. */
    public boolean authEnabled() {
        return bearerToken != null;
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "ServerConfig[host=" + host + ", auth=" + (authEnabled() ? "bearer" : "off") + ", maxBodyBytes="
                + maxBodyBytes + ", queueCapacity=" + queueCapacity + ", maxBatch=" + maxBatch + ", requestTimeout="
                + requestTimeout + ", sessionTtl=" + sessionTtl + ", maxSessions=" + maxSessions + ", goalTtl="
                + goalTtl + ", maxGoals=" + maxGoals + ", maxWebSocketConnections=" + maxWebSocketConnections
                + ", webSocketIdleTimeout=" + webSocketIdleTimeout + "]";
    }

    private static void requireAtLeastOne(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + ": expected >= 1, got " + value);
        }
    }

    private static void requirePositive(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + ": expected a positive duration, got " + value);
        }
    }
}

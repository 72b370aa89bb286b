package ai.foresight.server.core;

/**
 * A request the server refuses or cannot answer, carrying what the client sees: an HTTP status, a stable
 * machine-readable code, the offending field (a JSON path such as {@code proprio[1]} or {@code settings.horizon},
 * or {@code body}) and a message saying what was expected. Messages never contain stack traces or internal detail.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;
    private final long retryAfterSeconds;

    private ApiException(int status, String code, String field, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 400: the request is malformed or a value is outside what the model accepts. */
    public static ApiException badRequest(String code, String field, String message) {
        return new ApiException(400, code, field, message, 0);
    }

    /** 401: bearer token missing or wrong. */
    public static ApiException unauthorized() {
        return new ApiException(401, "unauthorized", "Authorization",
                "expected header 'Authorization: Bearer <token>'", 0);
    }

    /** 404: a referenced session, goal or route does not exist. */
    public static ApiException notFound(String code, String field, String message) {
        return new ApiException(404, code, field, message, 0);
    }

    /** 409: the resource is busy with another request. */
    public static ApiException conflict(String code, String field, String message) {
        return new ApiException(409, code, field, message, 0);
    }

    /** 413: the body exceeds the configured limit. */
    public static ApiException tooLarge(long limitBytes) {
        return new ApiException(413, "body_too_large", "body", "expected at most " + limitBytes + " bytes", 0);
    }

    /** 415: the body is not in a format the route reads. */
    public static ApiException unsupportedMediaType(String message) {
        return new ApiException(415, "unsupported_media_type", "Content-Type", message, 0);
    }

    /** 429: a per-server resource cap (sessions, goals, connections) is reached. */
    public static ApiException limitReached(String code, String field, String message) {
        return new ApiException(429, code, field, message, 0);
    }

    /** 503: the planning queue is full; retry after the given number of seconds. */
    public static ApiException overloaded(long retryAfterSeconds) {
        return new ApiException(503, "overloaded", null, "planning queue is full; retry later", retryAfterSeconds);
    }

    /** 503: the server is shutting down. */
    public static ApiException shuttingDown() {
        return new ApiException(503, "shutting_down", null, "server is shutting down", 1);
    }

    /** 504: the request's deadline passed before the plan was ready. */
    public static ApiException deadlineExceeded(long deadlineMs) {
        return new ApiException(504, "deadline_exceeded", null, "no plan within the " + deadlineMs + " ms deadline", 0);
    }

    /** Any other client error status (for example 405 from the router). */
    public static ApiException withStatus(int status, String code, String message) {
        return new ApiException(status, code, null, message, 0);
    }

    /** 500: the backend failed; details are logged, not returned. */
    public static ApiException internal(String message) {
        return new ApiException(500, "internal", null, message, 0);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The offending field, or null when the error concerns no single field. */
    public String field() {
        return field;
    }

    /** Seconds for a {@code Retry-After} header, or 0 for none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** True when the client may send further requests on the same connection (every 4xx and 503/504). */
    public boolean recoverable() {
        return status != 500;
    }
}

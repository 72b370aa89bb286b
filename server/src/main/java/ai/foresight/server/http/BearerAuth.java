package ai.foresight.server.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks a shared-secret token from the {@code Authorization} header in constant time. Both
 * {@code Bearer <token>} and openpi's {@code Api-Key <token>} scheme are accepted, so openpi robot clients started
 * with {@code api_key=...} connect unchanged. The token and the candidate are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, so neither their content nor their length leaks through timing.
 */
public final class BearerAuth {

    private final byte[] expectedDigest;

    public BearerAuth(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("token: expected a non-blank token");
        }
        this.expectedDigest = sha256(token);
    }

    /** True when {@code authorizationHeader} carries the token. */
    public boolean accepts(String authorizationHeader) {
        if (authorizationHeader == null) {
            return false;
        }
        String candidate = authorizationHeader.strip();
        int space = candidate.indexOf(' ');
        if (space < 0) {
            return false;
        }
        String scheme = candidate.substring(0, space);
        if (!scheme.equalsIgnoreCase("Bearer") && !scheme.equalsIgnoreCase("Api-Key")) {
            return false;
        }
        return MessageDigest.isEqual(expectedDigest, sha256(candidate.substring(space + 1).strip()));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}

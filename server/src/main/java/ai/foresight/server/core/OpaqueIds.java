package ai.foresight.server.core;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Unguessable ids for sessions and goals: a short prefix naming the kind plus 128 random bits, URL-safe. Knowing one
 * robot's id must not let another client guess the next one.
 */
final class OpaqueIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OpaqueIds() {
    }

    static String next(String prefix) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

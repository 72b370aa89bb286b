package ai.foresight.experiments.doctor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one runtime component reported: whether it loaded, the facts it gave (versions, thread
 * counts; snake_case keys) and, if it failed, why.
 */
public record ComponentCheck(String component, boolean loaded, Map<String, Object> facts, String error) {
    public ComponentCheck {
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    public static ComponentCheck ok(String component, Map<String, Object> facts) {
        return new ComponentCheck(component, true, facts, null);
    }

    /** A component that failed; {@code facts} keeps whatever was learned before the failure. */
    public static ComponentCheck failed(String component, Map<String, Object> facts, Throwable error) {
        String message = error.getMessage() == null ? "" : error.getMessage().strip().lines().findFirst().orElse("");
        return new ComponentCheck(component, false, facts,
                error.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message));
    }
}

package ai.foresight.experiments.job;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A job's headline figures, in insertion order, with snake_case keys ({@code frames_per_second},
 * {@code success_rate}): what {@code --json} prints and {@code result.json} holds. Also carries the
 * process exit code, which a job may set non-zero while still reporting (e.g. doctor with a native
 * that failed to load).
 */
public final class JobResult {
    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    private final Map<String, Object> figures = new LinkedHashMap<>();
    private int exitCode;

    /**
     * Adds a figure. Paths become strings; other values must be JSON-ready (numbers, strings,
     * booleans, lists, maps).
     *
     * @throws IllegalArgumentException if {@code key} is not snake_case
     */
    public JobResult put(String key, Object value) {
        if (!SNAKE_CASE.matcher(key).matches()) {
            throw new IllegalArgumentException("result key: expected snake_case, got '" + key + "'");
        }
        figures.put(key, value instanceof Path p ? p.toString() : value);
        return this;
    }

    public Object get(String key) {
        return figures.get(key);
    }

    public Map<String, Object> figures() {
        return Collections.unmodifiableMap(figures);
    }

    public JobResult exitCode(int code) {
        this.exitCode = code;
        return this;
    }

    public int exitCode() {
        return exitCode;
    }

    @Override
    public String toString() {
        return JsonOutput.line(figures);
    }
}

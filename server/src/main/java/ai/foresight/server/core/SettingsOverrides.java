package ai.foresight.server.core;

import ai.foresight.server.spi.ModelInfo;
import ai.foresight.server.spi.PlannerLimits;
import ai.foresight.server.spi.PlannerSettings;

/**
 * Planner settings a client asked for; null fields fall back to the model's defaults. Each given value was already
 * read as a positive integer by the front end; {@link #resolve} clamps the result to the server's limits.
 *
 * @param horizon    requested H, or null
 * @param samples    requested samples per iteration, or null
 * @param iterations requested iterations, or null
 * @param elites     requested elites, or null
 */
public record SettingsOverrides(Integer horizon, Integer samples, Integer iterations, Integer elites) {

    /** No overrides: the model's defaults. */
    public static final SettingsOverrides NONE = new SettingsOverrides(null, null, null, null);

    /** Names of the accepted fields, as they appear in requests under {@code settings}. */
    public static final java.util.List<String> FIELDS = java.util.List.of("horizon", "samples", "iterations", "elites");

    /**
     * The settings to plan with: defaults overridden by the given fields, then lowered to the limits.
     *
     * @throws ApiException 400 naming the field when the horizon is shorter than the chunk, or elites exceed samples
     */
    public PlannerSettings resolve(ModelInfo info) {
        PlannerSettings defaults = info.defaults();
        PlannerLimits limits = info.limits();
        int h = horizon != null ? horizon : defaults.horizon();
        int s = samples != null ? samples : defaults.samples();
        int i = iterations != null ? iterations : defaults.iterations();
        int e = elites != null ? elites : defaults.elites();
        if (h < info.chunkSize()) {
            throw ApiException.badRequest("invalid_setting", "settings.horizon", "expected an integer >= the chunk size "
                    + info.chunkSize() + " (at most " + limits.maxHorizon() + "), got " + h);
        }
        if (elites != null && e > s) {
            throw ApiException.badRequest("invalid_setting", "settings.elites", "expected <= samples (" + s + "), got "
                    + e);
        }
        return new PlannerSettings(h, s, i, Math.min(e, s)).clampTo(limits);
    }
}

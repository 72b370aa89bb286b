package ai.foresight.server.spi;

/**
 * Per-request planner settings: the search the backend runs for one plan.
 *
 * @param horizon    planning horizon H in action steps; at least the model's chunk size k
 * @param samples    candidate action sequences evaluated per iteration
 * @param iterations optimiser iterations
 * @param elites     sequences kept to refit the sampling distribution; at most {@code samples}
 */
public record PlannerSettings(int horizon, int samples, int iterations, int elites) {

    public PlannerSettings {
        requirePositive("horizon", horizon);
        requirePositive("samples", samples);
        requirePositive("iterations", iterations);
        requirePositive("elites", elites);
        if (elites > samples) {
            throw new IllegalArgumentException("elites: expected <= samples (" + samples + "), got " + elites);
        }
    }

    /** These settings with every field lowered to its limit where it exceeds it (elites also to samples). */
    public PlannerSettings clampTo(PlannerLimits limits) {
        int clampedSamples = Math.min(samples, limits.maxSamples());
        return new PlannerSettings(Math.min(horizon, limits.maxHorizon()), clampedSamples,
                Math.min(iterations, limits.maxIterations()), Math.min(Math.min(elites, limits.maxElites()), clampedSamples));
    }

    private static void requirePositive(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + ": expected >= 1, got " + value);
        }
    }
}

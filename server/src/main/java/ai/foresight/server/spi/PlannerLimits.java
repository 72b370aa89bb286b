package ai.foresight.server.spi;

/**
 * The largest planner settings a client may ask for; larger requests are clamped to these values so that one robot
 * cannot monopolise the backend with an oversized search.
 *
 * @param maxHorizon    longest planning horizon H, in (frameskipped) action steps
 * @param maxSamples    most candidate action sequences per iteration
 * @param maxIterations most optimiser iterations per plan
 * @param maxElites     most elite sequences kept per iteration (CEM-style optimisers)
 */
public record PlannerLimits(int maxHorizon, int maxSamples, int maxIterations, int maxElites) {

    public PlannerLimits {
        requirePositive("maxHorizon", maxHorizon);
        requirePositive("maxSamples", maxSamples);
        requirePositive("maxIterations", maxIterations);
        requirePositive("maxElites", maxElites);
    }

    private static void requirePositive(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + ": expected >= 1, got " + value);
        }
    }
}

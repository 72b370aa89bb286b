package ai.foresight.planner.optim;

/**
 * Settings of {@link MppiOptimizer}, named as in TD-MPC2.
 *
 * @param samples candidates per iteration (N)
 * @param elites lowest-cost candidates that receive weight (K, at most N)
 * @param iterations refits per plan
 * @param temperature tau: elite weight exp(tau * (value - max value)), value = -cost (TD-MPC2 multiplies by it)
 * @param minStd lower clamp of the standard deviation
 * @param maxStd upper clamp of the standard deviation and its starting value
 * @param seed seed of the optimiser's random stream
 */
public record MppiConfig(int samples, int elites, int iterations, float temperature, float minStd, float maxStd, long seed) {

    public MppiConfig {
        PopulationChecks.checkBudget(samples, elites, iterations);
        if (!(temperature > 0) || !Float.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature: expected a finite value > 0, got " + temperature);
        }
        if (!(minStd > 0) || !(maxStd >= minStd) || !Float.isFinite(maxStd)) {
            throw new IllegalArgumentException("minStd, maxStd: expected 0 < minStd <= maxStd < infinity, got "
                    + minStd + ", " + maxStd);
        }
    }

    /** TD-MPC2 (Hansen et al. 2024): 6 iterations, 512 samples, 64 elites, temperature 0.5, std in [0.05, 2]. */
    public static MppiConfig defaults() {
        return new MppiConfig(512, 64, 6, 0.5f, 0.05f, 2f, 0L);
    }

    /** A small, fast setting for tests. */
    public static MppiConfig tiny() {
        return new MppiConfig(64, 8, 4, 0.5f, 0.05f, 2f, 0L);
    }

    public MppiConfig withSeed(long newSeed) {
        return new MppiConfig(samples, elites, iterations, temperature, minStd, maxStd, newSeed);
    }

    public MppiConfig withTemperature(float newTemperature) {
        return new MppiConfig(samples, elites, iterations, newTemperature, minStd, maxStd, seed);
    }
}

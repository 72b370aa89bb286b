package ai.foresight.planner.optim;

/**
 * Settings of {@link CemOptimizer}.
 *
 * @param samples candidates per iteration (N)
 * @param elites candidates the distribution is refitted to (K, at most N)
 * @param iterations refits per plan
 * @param initSigma initial standard deviation, in the optimiser's (normalised) units
 * @param minSigma floor on the standard deviation, to keep exploring (0 allows collapse)
 * @param momentum alpha in [0, 1): new = alpha * old + (1 - alpha) * elite statistic (mbrl-lib)
 * @param seed seed of the optimiser's random stream
 */
public record CemConfig(int samples, int elites, int iterations, float initSigma, float minSigma, float momentum, long seed) {

    public CemConfig {
        PopulationChecks.checkBudget(samples, elites, iterations);
        PopulationChecks.checkMomentumRefit(initSigma, minSigma, momentum);
    }

    /** DINO-WM's planner (Zhou et al. 2024): 300 samples, top 30, 10 iterations, sigma 1, mean 0, no momentum. */
    public static CemConfig defaults() {
        return new CemConfig(300, 30, 10, 1f, 0f, 0f, 0L);
    }

    /** A small, fast setting for tests. */
    public static CemConfig tiny() {
        return new CemConfig(64, 8, 4, 1f, 0f, 0f, 0L);
    }

    public CemConfig withSeed(long newSeed) {
        return new CemConfig(samples, elites, iterations, initSigma, minSigma, momentum, newSeed);
    }

    public CemConfig withMomentum(float newMomentum) {
        return new CemConfig(samples, elites, iterations, initSigma, minSigma, newMomentum, seed);
    }
}

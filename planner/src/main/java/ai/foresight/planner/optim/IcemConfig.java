package ai.foresight.planner.optim;

/**
 * Settings of {@link IcemOptimizer}; names follow Pinneri et al. (2020) and mbrl-lib.
 *
 * @param samples population of the first iteration (N)
 * @param elites elites refitted to (K); every population keeps at least 2K members
 * @param iterations refits per plan
 * @param initSigma initial standard deviation, normalised units
 * @param minSigma floor on the standard deviation
 * @param momentum alpha in [0, 1) of the mean/std refit (the paper uses 0.1)
 * @param noiseExponent beta of the 1/f^beta coloured noise along time (2 in the paper; 0 = white)
 * @param populationDecay gamma: iteration i samples max(N * gamma^-i, 2K) fresh candidates
 * @param keepEliteFraction fraction of the elites carried into the next iteration (and, shifted, into the next plan)
 * @param addMeanAtLastIteration evaluate the distribution mean as one more candidate in the last iteration
 * @param seed seed of the optimiser's random stream
 */
public record IcemConfig(
        int samples,
        int elites,
        int iterations,
        float initSigma,
        float minSigma,
        float momentum,
        float noiseExponent,
        float populationDecay,
        float keepEliteFraction,
        boolean addMeanAtLastIteration,
        long seed) {

    public IcemConfig {
        PopulationChecks.checkBudget(samples, elites, iterations, Math.max(samples, 2) / 2, "samples / 2 (" + samples / 2 + ")");
        PopulationChecks.checkMomentumRefit(initSigma, minSigma, momentum);
        if (!(noiseExponent >= 0) || !Float.isFinite(noiseExponent)) {
            throw new IllegalArgumentException("noiseExponent: expected a finite beta >= 0, got " + noiseExponent);
        }
        if (!(populationDecay >= 1) || !Float.isFinite(populationDecay)) {
            throw new IllegalArgumentException("populationDecay: expected a finite gamma >= 1, got " + populationDecay);
        }
        if (!(keepEliteFraction >= 0) || !(keepEliteFraction <= 1)) {
            throw new IllegalArgumentException("keepEliteFraction: expected a value in [0, 1], got " + keepEliteFraction);
        }
    }

    /** The paper's choices (beta 2, gamma 1.3, keep 30%, alpha 0.1, add mean) at DINO-WM's budget of 300 / 30 / 10. */
    public static IcemConfig defaults() {
        return new IcemConfig(300, 30, 10, 1f, 0f, 0.1f, 2f, 1.3f, 0.3f, true, 0L);
    }

    /** A small, fast setting for tests. */
    public static IcemConfig tiny() {
        return new IcemConfig(64, 8, 4, 1f, 0f, 0.1f, 2f, 1.3f, 0.3f, true, 0L);
    }

    /** Fresh candidates sampled at iteration {@code i}: max(N * gamma^-i, 2K). */
    public int populationAt(int i) {
        return Math.max((int) (samples * Math.pow(populationDecay, -i)), 2 * elites);
    }

    /** Elites carried from one iteration (or plan) to the next: round(fraction * K). */
    public int keptElites() {
        return (int) Math.round(keepEliteFraction * elites);
    }

    public IcemConfig withSeed(long newSeed) {
        return new IcemConfig(samples, elites, iterations, initSigma, minSigma, momentum, noiseExponent,
                populationDecay, keepEliteFraction, addMeanAtLastIteration, newSeed);
    }

    public IcemConfig withSamples(int newSamples, int newElites) {
        return new IcemConfig(newSamples, newElites, iterations, initSigma, minSigma, momentum, noiseExponent,
                populationDecay, keepEliteFraction, addMeanAtLastIteration, seed);
    }
}

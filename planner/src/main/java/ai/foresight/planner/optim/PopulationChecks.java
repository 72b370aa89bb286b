package ai.foresight.planner.optim;

/**
 * Validation shared by the settings of the population optimisers ({@link CemConfig},
 * {@link IcemConfig}, {@link MppiConfig}), so one rule gives one message everywhere. Each check
 * throws an {@link IllegalArgumentException} whose message starts with the offending field.
 */
final class PopulationChecks {

    private PopulationChecks() {}

    /** Samples at least 1, elites in {@code [1, samples]}, iterations at least 1, checked in that order. */
    static void checkBudget(int samples, int elites, int iterations) {
        checkBudget(samples, elites, iterations, samples, "samples (" + samples + ")");
    }

    /**
     * Samples at least 1, elites in {@code [1, maxElites]}, iterations at least 1, checked in that order.
     *
     * @param maxElitesRule how {@code maxElites} follows from the samples, e.g. {@code "samples (300)"}
     */
    static void checkBudget(int samples, int elites, int iterations, int maxElites, String maxElitesRule) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples: expected at least 1, got " + samples);
        }
        if (elites < 1 || elites > maxElites) {
            throw new IllegalArgumentException("elites: expected 1 <= elites <= " + maxElitesRule + ", got " + elites);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations: expected at least 1, got " + iterations);
        }
    }

    /** The settings of a {@link MomentumRefit} and of the standard deviation it starts from. */
    static void checkMomentumRefit(float initSigma, float minSigma, float momentum) {
        if (!(initSigma > 0) || !Float.isFinite(initSigma)) {
            throw new IllegalArgumentException("initSigma: expected a finite value > 0, got " + initSigma);
        }
        if (!(minSigma >= 0) || !(minSigma <= initSigma)) {
            throw new IllegalArgumentException("minSigma: expected 0 <= minSigma <= initSigma (" + initSigma + "), got " + minSigma);
        }
        if (!(momentum >= 0) || !(momentum < 1)) {
            throw new IllegalArgumentException("momentum: expected 0 <= momentum < 1, got " + momentum);
        }
    }
}

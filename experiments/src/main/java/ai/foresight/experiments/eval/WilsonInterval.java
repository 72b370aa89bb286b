package ai.foresight.experiments.eval;

/**
 * The Wilson score interval for a binomial proportion (Wilson, 1927): unlike the normal
 * approximation it stays inside [0, 1] and behaves at 0/n and n/n, which matters for 20–50 episodes.
 *
 * @param low lower bound
 * @param high upper bound
 */
public record WilsonInterval(double low, double high) {

    /** z for a two-sided 95% interval. */
    public static final double Z95 = 1.959963984540054;

    /** The 95% interval for {@code successes} out of {@code trials}. */
    public static WilsonInterval of95(int successes, int trials) {
        return of(successes, trials, Z95);
    }

    public static WilsonInterval of(int successes, int trials, double z) {
        if (trials <= 0) {
            throw new IllegalArgumentException("trials: expected > 0, got " + trials);
        }
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException("successes: expected 0.." + trials + ", got " + successes);
        }
        double p = (double) successes / trials;
        double z2 = z * z;
        double denom = 1 + z2 / trials;
        double centre = (p + z2 / (2.0 * trials)) / denom;
        double half = z * Math.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials)) / denom;
        return new WilsonInterval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    @Override
    public String toString() {
        return String.format("[%.3f, %.3f]", low, high);
    }
}

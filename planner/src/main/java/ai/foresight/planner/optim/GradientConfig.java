package ai.foresight.planner.optim;

/**
 * Settings of {@link GradientOptimizer}.
 *
 * @param steps Adam steps
 * @param learningRate Adam step size, normalised action units
 * @param beta1 Adam first-moment decay
 * @param beta2 Adam second-moment decay
 * @param epsilon Adam denominator guard
 * @param starts sequences optimised in parallel: the initial mean plus {@code starts - 1} perturbed copies
 * @param startSigma standard deviation of the perturbation of the extra starts
 * @param seed seed of the random stream for the extra starts
 */
public record GradientConfig(
        int steps, float learningRate, float beta1, float beta2, float epsilon, int starts, float startSigma, long seed) {

    public GradientConfig {
        if (steps < 1) {
            throw new IllegalArgumentException("steps: expected at least 1, got " + steps);
        }
        if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate: expected a finite value > 0, got " + learningRate);
        }
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1: expected a value in [0, 1), got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta2: expected a value in [0, 1), got " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon: expected a value > 0, got " + epsilon);
        }
        if (starts < 1) {
            throw new IllegalArgumentException("starts: expected at least 1, got " + starts);
        }
        if (!(startSigma >= 0) || !Float.isFinite(startSigma)) {
            throw new IllegalArgumentException("startSigma: expected a finite value >= 0, got " + startSigma);
        }
    }

    /**
     * 100 Adam steps at 0.05 from 8 starts. DINO-WM's gradient planner used plain SGD at lr 1 for
     * 1000 steps and did poorly; Adam with bounded steps and several starts is the usual remedy.
     */
    public static GradientConfig defaults() {
        return new GradientConfig(100, 0.05f, 0.9f, 0.999f, 1e-8f, 8, 0.5f, 0L);
    }

    /** A small, fast setting for tests: 40 steps from 2 starts. */
    public static GradientConfig tiny() {
        return new GradientConfig(40, 0.1f, 0.9f, 0.999f, 1e-8f, 2, 0.5f, 0L);
    }

    /** Gradient refinement of one given sequence (no extra starts), as {@link CemGradientOptimizer} uses it. */
    public static GradientConfig refinement() {
        return new GradientConfig(30, 0.02f, 0.9f, 0.999f, 1e-8f, 1, 0f, 0L);
    }

    public GradientConfig withSteps(int newSteps) {
        return new GradientConfig(newSteps, learningRate, beta1, beta2, epsilon, starts, startSigma, seed);
    }

    public GradientConfig withLearningRate(float newLearningRate) {
        return new GradientConfig(steps, newLearningRate, beta1, beta2, epsilon, starts, startSigma, seed);
    }
}

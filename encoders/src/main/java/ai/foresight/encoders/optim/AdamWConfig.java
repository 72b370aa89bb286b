package ai.foresight.encoders.optim;

/**
 * Settings of {@link AdamW}.
 *
 * @param beta1 decay of the first-moment estimate, in [0, 1)
 * @param beta2 decay of the second-moment estimate, in [0, 1)
 * @param epsilon added to the root of the second moment, positive
 * @param weightDecay decoupled decay per unit learning rate, non-negative (applied to matrices and
 *     kernels only, never to biases or normalisation scales)
 */
public record AdamWConfig(double beta1, double beta2, double epsilon, double weightDecay) {
    public AdamWConfig {
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1: expected [0, 1), got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta2: expected [0, 1), got " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon: expected > 0, got " + epsilon);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("weightDecay: expected >= 0, got " + weightDecay);
        }
    }

    /** The common transformer setting: betas (0.9, 0.999), eps 1e-8, weight decay 0.05. */
    public static AdamWConfig defaults() {
        return new AdamWConfig(0.9, 0.999, 1e-8, 0.05);
    }

    public AdamWConfig withWeightDecay(double decay) {
        return new AdamWConfig(beta1, beta2, epsilon, decay);
    }
}

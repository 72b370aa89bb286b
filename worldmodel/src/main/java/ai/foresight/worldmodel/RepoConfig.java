package ai.foresight.worldmodel;

/**
 * The RePo information bottleneck (Zhu et al., NeurIPS 2023, "Resilient Model-Based RL by Regularizing
 * Posterior Predictability"): a Gaussian posterior q(z | patch token) per pooled token, the predictor as
 * the prior, and a KL budget enforced by dual ascent on log β.
 *
 * @param latentDim d_z, dims of each token's latent (much smaller than the feature width)
 * @param posteriorHidden hidden width of the per-token posterior MLP
 * @param minStd floor added to softplus for both posterior and prior standard deviations (RePo: 0.1)
 * @param epsilonNats KL budget ε in nats per frame (KL summed over latent dims and tokens)
 * @param initialBeta β₀ (RePo: 1e-5)
 * @param dualLearningRate Adam learning rate on log β (RePo: 1e-4)
 * @param klBalance weight of KL(sg(q) ‖ p), which trains the prior; 1 − klBalance weights KL(q ‖ sg(p))
 * @param posteriorReadsPatches the posterior's hidden layer reads every encoder patch and its activations are
 *     averaged over each token's patches (true), or it reads the tokens pooled from the patches (false, RePo's
 *     per-token form; checkpoints written before the field existed load as false). Pooling after the
 *     nonlinearity keeps what one patch shows but the average of its neighbours hides: a 3 px agent among
 *     moving shapes (worldmodel README)
 */
public record RepoConfig(
        int latentDim,
        int posteriorHidden,
        double minStd,
        double epsilonNats,
        double initialBeta,
        double dualLearningRate,
        double klBalance,
        boolean posteriorReadsPatches) {

    public RepoConfig {
        if (latentDim <= 0) {
            throw new IllegalArgumentException("latentDim: expected > 0, got " + latentDim);
        }
        if (posteriorHidden <= 0) {
            throw new IllegalArgumentException("posteriorHidden: expected > 0, got " + posteriorHidden);
        }
        if (!(minStd > 0)) {
            throw new IllegalArgumentException("minStd: expected > 0, got " + minStd);
        }
        if (!(epsilonNats >= 0) || Double.isInfinite(epsilonNats)) {
            throw new IllegalArgumentException("epsilonNats: expected a finite value >= 0, got " + epsilonNats);
        }
        if (!(initialBeta > 0) || Double.isInfinite(initialBeta)) {
            throw new IllegalArgumentException("initialBeta: expected a finite value > 0, got " + initialBeta);
        }
        if (!(dualLearningRate > 0) || Double.isInfinite(dualLearningRate)) {
            throw new IllegalArgumentException("dualLearningRate: expected a finite value > 0, got " + dualLearningRate);
        }
        if (!(klBalance >= 0 && klBalance <= 1)) {
            throw new IllegalArgumentException("klBalance: expected [0, 1], got " + klBalance);
        }
    }

    /** A posterior that reads the pooled tokens (RePo's per-token form). */
    public RepoConfig(int latentDim, int posteriorHidden, double minStd, double epsilonNats, double initialBeta,
            double dualLearningRate, double klBalance) {
        this(latentDim, posteriorHidden, minStd, epsilonNats, initialBeta, dualLearningRate, klBalance, false);
    }

    /** The paper's settings: d_z 16 per token, ε 3 nats, β₀ 1e-5, dual lr 1e-4, balance 0.8, per-token posterior. */
    public static RepoConfig defaults() {
        return new RepoConfig(16, 128, 0.1, 3.0, 1e-5, 1e-4, 0.8);
    }

    /** Tests: d_z 4, a fast dual step so β moves within a few steps. */
    public static RepoConfig tiny() {
        return new RepoConfig(4, 16, 0.1, 1.0, 1e-5, 0.1, 0.8);
    }

    /** The same settings with another KL budget. */
    public RepoConfig withEpsilon(double nats) {
        return new RepoConfig(latentDim, posteriorHidden, minStd, nats, initialBeta, dualLearningRate, klBalance,
                posteriorReadsPatches);
    }

    /** The same settings with another dual learning rate (short runs need more than the paper's 1e-4). */
    public RepoConfig withDualLearningRate(double lr) {
        return new RepoConfig(latentDim, posteriorHidden, minStd, epsilonNats, initialBeta, lr, klBalance,
                posteriorReadsPatches);
    }

    /** The same settings with the posterior reading every patch (true) or the pooled tokens (false). */
    public RepoConfig withPosteriorReadsPatches(boolean readsPatches) {
        return new RepoConfig(latentDim, posteriorHidden, minStd, epsilonNats, initialBeta, dualLearningRate, klBalance,
                readsPatches);
    }
}

package ai.foresight.adaptation;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import ai.foresight.adaptation.nn.LeakyMlp;
import ai.foresight.encoders.optim.AdamW;
import ai.foresight.encoders.optim.AdamWConfig;
import ai.foresight.worldmodel.nn.LiveScalar;
import java.util.Arrays;

/**
 * The adversarial half of RePo's test-time alignment (Zhu et al., NeurIPS 2023): a critic f over frame
 * embeddings and, in support mode, a density ratio τ over source embeddings.
 *
 * <p>Support mode (Pearson χ²): the critic maximises E_S[τ·f] − E_T[f + f²/4] (a variational lower bound
 * of χ²(τ·p_S ‖ p_T)); τ minimises E_S[τ·f] under E_S[τ] = 1, so the reweighted source puts its mass where
 * target embeddings are and the target only has to lie inside the source support; the encoder minimises
 * −E_T[f], the non-saturating generator loss of f-GANs (Nowozin et al., 2016, "f-GAN", Sec. 3.2). RePo's code
 * minimises −E_T[f + f²/4] instead, whose slope 1 + f/2 turns negative for f < −2 and then pushes the
 * target samples the critic rejects hardest further away (seen here as oscillating MMD on the toy domain). RePo enforces E_S[τ] = 1 with a dual variable; here τ is self-normalised over each
 * source batch, τ_i = M·softmax(g)_i with g = 3·tanh(MLP(e)/3) (ratios within e^±6), which holds the constraint exactly (a dual
 * step lagged in a measurement here: batch means of τ wandered between 0.04 and 1.95 over 150 steps, which
 * switched the source side of the critic off and on). Distribution mode: a
 * logistic critic, softplus(−f_S) + softplus(f_T), and the non-saturating encoder loss softplus(−f_T).
 * Both critics carry γ·E_S‖∇f‖², the zero-centred penalty on source samples (Mescheder et al., 2018),
 * computed in closed form by {@link LeakyMlp#inputGradient}.
 *
 * <p>Every update is one Adam step outside a gradient collector; inputs arrive detached.
 */
final class AdversarialAlignment implements AutoCloseable {
    private static final double LOG_RATIO_LIMIT = 3;

    private final AlignerConfig config;
    private final NDManager manager;
    private final LeakyMlp critic;
    private final LeakyMlp logRatio;
    private final AdamW criticOptimizer;
    private final AdamW ratioOptimizer;

    AdversarialAlignment(AlignerConfig config, int inputDim, long seed, NDManager parent) {
        this.config = config;
        this.manager = parent.newSubManager();
        int[] hidden = new int[config.criticLayers()];
        Arrays.fill(hidden, config.criticHidden());
        Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
        this.critic = new LeakyMlp(inputDim, hidden, 0.2).create(manager);
        this.logRatio = config.mode() == AlignmentMode.SUPPORT ? new LeakyMlp(inputDim, hidden, 0.2).create(manager) : null;
        AdamWConfig adam = AdamWConfig.defaults().withWeightDecay(0);
        this.criticOptimizer = new AdamW(adam, manager);
        this.ratioOptimizer = logRatio != null ? new AdamW(adam, manager) : null;
    }

    /** The critic's score f(e): (M, d) → (M). */
    NDArray score(NDArray embeddings) {
        return critic.score(new ParameterStore(manager, false), embeddings, false).squeeze(1);
    }

    /**
     * The encoder's adversarial loss on target embeddings (graph kept to them).
     *
     * @param target (M, d) target embeddings
     */
    NDArray encoderLoss(NDArray target) {
        NDArray f = score(target);
        if (config.mode() == AlignmentMode.SUPPORT) {
            return f.mean().neg();
        }
        return Activation.softPlus(f.neg()).mean();
    }

    /** f + f²/4, the χ² conjugate term. */
    private static NDArray chiSquareTarget(NDArray f) {
        return f.add(LiveScalar.times(f.square(), 0.25));
    }

    /**
     * One critic step on detached embeddings.
     *
     * @param source (Ms, d) source embeddings
     * @param target (Mt, d) target embeddings
     * @return {critic loss, gradient penalty}
     */
    double[] updateCritic(NDArray source, NDArray target) {
        NDArray weights = config.mode() == AlignmentMode.SUPPORT ? ratio(source).stopGradient() : null;
        double[] values = new double[2];
        clearGradients(critic.getParameters());
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray fs = score(source);
            NDArray ft = score(target);
            NDArray loss = config.mode() == AlignmentMode.SUPPORT
                    ? chiSquareTarget(ft).mean().sub(fs.mul(weights).mean())
                    : Activation.softPlus(fs.neg()).mean().add(Activation.softPlus(ft).mean());
            NDArray penalty = LiveScalar.times(critic.inputGradient(new ParameterStore(manager, false), source, true)
                    .square().sum(new int[] {1}).mean(), config.gradientPenalty());
            values[0] = loss.getFloat();
            values[1] = penalty.getFloat();
            collector.backward(loss.add(penalty));
        }
        criticOptimizer.step(critic.getParameters(), config.criticLearningRate());
        return values;
    }

    /**
     * One step of the density ratio on detached source embeddings (support mode; a no-op returning 1
     * otherwise).
     *
     * @return the effective sample size of τ before the step as a fraction of the batch, (Σ τ)² / (M·Σ τ²)
     *     (1 for uniform weights, 1/M when one sample carries all)
     */
    double updateRatio(NDArray source) {
        if (logRatio == null) {
            return 1;
        }
        NDArray f = score(source).stopGradient();
        double effective;
        clearGradients(logRatio.getParameters());
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray tau = ratio(source);
            long m = tau.getShape().get(0);
            effective = m / (double) tau.square().sum().getFloat(); // Σ τ = M
            collector.backward(tau.mul(f).mean());
        }
        ratioOptimizer.step(logRatio.getParameters(), config.ratioLearningRate());
        return effective;
    }

    /** τ = M·softmax(g) over the batch with g = 3·tanh(MLP(e)/3): (M, d) → (M), mean exactly 1. */
    private NDArray ratio(NDArray source) {
        NDArray raw = logRatio.score(new ParameterStore(manager, false), source, false).squeeze(1);
        NDArray g = LiveScalar.times(LiveScalar.times(raw, 1 / LOG_RATIO_LIMIT).tanh(), LOG_RATIO_LIMIT);
        return LiveScalar.times(g.softmax(0), g.getShape().get(0));
    }

    /** Drops gradients that reached the critic while the encoder side was differentiated through it. */
    void discardCriticGradients() {
        clearGradients(critic.getParameters());
    }

    private static void clearGradients(PairList<String, Parameter> parameters) {
        for (Pair<String, Parameter> p : parameters) {
            NDArray w = p.getValue().getArray();
            if (w.hasGradient()) {
                NDArray g = w.getGradient();
                g.subi(g);
                g.close();
            }
        }
    }

    @Override
    public void close() {
        criticOptimizer.close();
        if (ratioOptimizer != null) {
            ratioOptimizer.close();
        }
        manager.close();
    }
}

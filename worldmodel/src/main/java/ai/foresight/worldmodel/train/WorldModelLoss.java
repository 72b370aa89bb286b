package ai.foresight.worldmodel.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.RepoConfig;
import ai.foresight.worldmodel.WorldModel;
import ai.foresight.worldmodel.WorldModelConfig;
import ai.foresight.worldmodel.nn.LatentPredictor;
import ai.foresight.worldmodel.nn.LiveScalar;
import ai.foresight.worldmodel.nn.TaskHeads;
import ai.foresight.worldmodel.repo.GaussianKl;

/**
 * The training objective of a {@link WorldModel}, in one of two modes.
 *
 * <p>Feature mode (DINO-WM, Zhou et al., 2024): teacher-forced MSE between the predicted and the actual
 * next pooled features (the target is data, so no gradient flows into it) plus the next-proprio MSE.
 *
 * <p>RePo mode (Zhu et al., NeurIPS 2023): a reparameterised sample z ~ q(z | patches) feeds the predictor,
 * which acts as the prior p(z_{t+1} | z_{≤t}, a_{≤t}); the loss is the task terms (reward NLL and proprio
 * NLL of heads on z, the predictor's next-proprio MSE) plus sg(β)·(KL − ε) with RePo's balanced KL. No
 * feature or pixel reconstruction reaches the posterior.
 *
 * <p>In both modes optional heads read every frame's latent, and the optional pixel decoder is trained on
 * detached latents. Windows longer than H + 1 frames are cut into every sub-window of H + 1 frames, stacked
 * along the batch. All arrays are created in the manager of the batch's arrays.
 */
public final class WorldModelLoss {
    private final WorldModel model;
    private final TrainerConfig weights;

    public WorldModelLoss(WorldModel model, TrainerConfig weights) {
        this.model = model;
        this.weights = weights;
    }

    /**
     * @param beta the current RePo multiplier (ignored in feature mode)
     * @return the differentiable total and its terms
     */
    public Computed compute(WindowBatch batch, double beta, boolean training) {
        WorldModelConfig config = model.config();
        batch.validate(config);
        ParameterStore ps = model.parameterStore();
        NDArray latents;
        NDArray posteriorMean = null;
        NDArray posteriorStd = null;
        if (config.usesRepo()) {
            NDList q = model.posterior().forward(ps, new NDList(model.posteriorInput(batch.features())), training);
            posteriorMean = q.get(0);
            posteriorStd = q.get(1);
            NDArray noise = posteriorMean.getManager().randomNormal(posteriorMean.getShape());
            latents = posteriorMean.add(posteriorStd.mul(noise));
        } else {
            latents = model.pool(batch.features());
        }

        PredictorConfig p = config.predictor();
        int h = p.historyFrames();
        int windows = batch.windowLength() - h;
        NDArray props = batch.proprio();
        LatentPredictor.Prediction prediction = model.predictor().predict(ps,
                unfold(latents, windows, h, 0), unfold(batch.actions(), windows, h, 0),
                props == null ? null : unfold(props, windows, h, 0), training);

        NDArray total = null;
        double latentMse = 0;
        double klNats = 0;
        double klPenalty = 0;
        if (config.usesRepo()) {
            RepoConfig repo = config.repo();
            NDArray balancedKl = GaussianKl.balanced(unfold(posteriorMean, windows, h, 1), unfold(posteriorStd, windows, h, 1),
                    prediction.mean(), prediction.std(), 2, repo.klBalance());
            klNats = balancedKl.getFloat();
            klPenalty = beta * (klNats - repo.epsilonNats());
            total = LiveScalar.times(balancedKl, beta);
        } else {
            NDArray mse = prediction.mean().sub(unfold(latents, windows, h, 1)).square().mean();
            latentMse = mse.getFloat();
            total = mse;
        }
        double proprioMse = 0;
        if (prediction.proprio() != null) {
            NDArray mse = prediction.proprio().sub(unfold(props, windows, h, 1)).square().mean();
            proprioMse = mse.getFloat();
            total = total.add(LiveScalar.times(mse, weights.proprioWeight()));
        }
        double rewardNll = 0;
        double proprioNll = 0;
        TaskHeads heads = model.heads();
        if (heads != null) {
            TaskHeads.Readout readout = heads.read(ps, latents, training);
            if (readout.reward() != null) {
                NDArray nll = LiveScalar.times(readout.reward().sub(batch.reward()).square().mean(), 0.5);
                rewardNll = nll.getFloat();
                total = total.add(LiveScalar.times(nll, weights.rewardWeight()));
            }
            if (readout.proprio() != null) {
                NDArray nll = LiveScalar.times(readout.proprio().sub(props).square().sum(new int[] {2}).mean(), 0.5);
                proprioNll = nll.getFloat();
                total = total.add(LiveScalar.times(nll, weights.proprioHeadWeight()));
            }
        }
        double decoderMse = 0;
        if (model.decoder() != null) {
            NDArray frozen = (posteriorMean != null ? posteriorMean : latents).stopGradient();
            long frames = frozen.getShape().get(0) * frozen.getShape().get(1);
            NDArray image = model.decoder().forward(ps,
                    new NDList(frozen.reshape(frames, p.tokensPerFrame(), config.latentDim())), training).singletonOrThrow();
            NDArray target = batch.pixels().reshape(image.getShape());
            NDArray mse = image.sub(target).square().mean();
            decoderMse = mse.getFloat();
            total = total.add(mse);
        }
        double totalValue = latentMse + weights.proprioWeight() * proprioMse + weights.rewardWeight() * rewardNll
                + weights.proprioHeadWeight() * proprioNll + klPenalty + decoderMse;
        LossTerms terms = new LossTerms(totalValue, latentMse, proprioMse, rewardNll, proprioNll, klNats, klPenalty,
                config.usesRepo() ? beta : 0, decoderMse);
        return new Computed(total, terms);
    }

    /**
     * Stacks the {@code windows} sub-windows of {@code length} frames starting at {@code offset + s}
     * (s = 0 … windows − 1) along the batch: (B, T, …) → (windows·B, length, …).
     */
    static NDArray unfold(NDArray x, int windows, int length, int offset) {
        if (windows == 1 && offset == 0 && x.getShape().get(1) == length) {
            return x;
        }
        NDList parts = new NDList(windows);
        for (int s = 0; s < windows; s++) {
            parts.add(x.get(":, " + (offset + s) + ":" + (offset + s + length)));
        }
        return parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 0);
    }

    /**
     * @param total the differentiable objective (scalar); its value excludes the constant −β·ε
     * @param terms every term's value
     */
    public record Computed(NDArray total, LossTerms terms) {}
}

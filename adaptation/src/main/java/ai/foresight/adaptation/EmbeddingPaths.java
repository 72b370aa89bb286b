package ai.foresight.adaptation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import ai.foresight.adaptation.encoder.AdaptedPatchEncoder;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.WorldModel;
import ai.foresight.worldmodel.nn.PatchPosterior;

/**
 * The two maps from pixels to the latent a planner uses, (M, 3, H, W) → (M, n, C):
 * <ul>
 *   <li>source: the base encoder, token pooling and, in RePo mode, a frozen copy of the posterior as it
 *       was before adaptation (the reference the target is aligned to);</li>
 *   <li>target: the adapted encoder, token pooling and the model's own posterior, which is adapted in
 *       place when configured, so that {@code model.encode(adapted features)} is what planning sees.</li>
 * </ul>
 */
final class EmbeddingPaths implements AutoCloseable {
    private final WorldModel model;
    private final AdaptedPatchEncoder encoder;
    private final NDManager manager;
    private final PatchPosterior sourcePosterior;
    private final boolean adaptPosterior;
    private final int tokens;
    private final int latentDim;

    EmbeddingPaths(WorldModel model, AdaptedPatchEncoder encoder, boolean adaptPosterior, NDManager parent) {
        PredictorConfig p = model.config().predictor();
        if (encoder.dim() != p.featureDim() || encoder.gridHeight() != p.patchGrid() || encoder.gridWidth() != p.patchGrid()) {
            throw new IllegalArgumentException("encoder: expected " + p.patchGrid() + "x" + p.patchGrid() + " patches of "
                    + p.featureDim() + " dims (the model's), got " + encoder.gridHeight() + "x" + encoder.gridWidth()
                    + " of " + encoder.dim());
        }
        this.model = model;
        this.encoder = encoder;
        this.manager = parent.newSubManager();
        this.adaptPosterior = adaptPosterior && model.posterior() != null;
        this.tokens = p.tokensPerFrame();
        this.latentDim = model.config().latentDim();
        sourcePosterior = this.adaptPosterior ? model.frozenPosteriorCopy(manager) : null;
    }

    boolean adaptsPosterior() {
        return adaptPosterior;
    }

    /** n·C, the width of a flattened frame embedding. */
    int flatWidth() {
        return tokens * latentDim;
    }

    int tokens() {
        return tokens;
    }

    int latentDim() {
        return latentDim;
    }

    /** Source latents (M, n, C), detached, in the manager of {@code pixels}. */
    NDArray source(NDArray pixels) {
        NDArray patches = encoder.base().encode(pixels);
        PatchPosterior posterior = sourcePosterior != null ? sourcePosterior : model.posterior();
        ParameterStore ps = sourcePosterior != null ? new ParameterStore(manager, false) : model.parameterStore();
        return latent(patches, posterior, ps).stopGradient();
    }

    /** Target latents (M, n, C) with the graph to the adapters and the adapted posterior, in the manager of {@code pixels}. */
    NDArray target(NDArray pixels) {
        return latent(encoder.encodeDifferentiable(pixels), model.posterior(), model.parameterStore());
    }

    /** (M, n, C) from patches (M, N, D): pooled features, or the posterior's mean on what it reads. */
    private NDArray latent(NDArray patches, PatchPosterior posterior, ParameterStore ps) {
        if (posterior == null) {
            return model.pool(patches);
        }
        return posterior.forward(ps, new NDList(model.posteriorInput(patches).expandDims(1)), false).get(0).squeeze(1);
    }

    /** Names and parameters the encoder side trains: the adapters and, when adapted, the posterior. */
    PairList<String, Parameter> trainable() {
        PairList<String, Parameter> all = new PairList<>(encoder.trainableParameters().keys(),
                encoder.trainableParameters().values());
        if (adaptPosterior) {
            for (Pair<String, Parameter> p : model.posterior().getParameters()) {
                all.add("posterior/" + p.getKey(), p.getValue());
            }
        }
        return all;
    }

    @Override
    public void close() {
        manager.close();
    }
}

package ai.foresight.planner.agent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.foresight.planner.objective.Goal;
import ai.foresight.planner.objective.Imagination;
import ai.foresight.planner.objective.RolloutModel;
import ai.foresight.worldmodel.LatentContext;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.Rollout;
import ai.foresight.worldmodel.WorldModel;
import ai.foresight.worldmodel.data.DataNormalization;

/**
 * The planner's view of a trained {@link WorldModel}: imagines N candidate sequences of frame-step actions
 * with {@link WorldModel#rollout} in one batched call per step.
 *
 * <p>Units. Candidates arrive in world units, each row a model action: the k environment actions of one
 * frame step concatenated, (N, S, k·A); they are standardised with the training data's statistics inside,
 * differentiably. Proprio is standardised too, and the imagined proprio stays standardised, so goals must
 * come from {@link #goal}, which applies the same map.
 *
 * <p>Context layout (the {@link RolloutModel} contract leaves it to the model): one row per context frame,
 * (h, n·C + P + k·A) = the frame's latent tokens flattened, its standardised proprio, and the standardised
 * action taken after it (zero in the last row, which has none yet). {@link #context} builds it.
 *
 * <p>Imagination: latent tokens flattened to (N, S, n·C) (the goal cost averages over them either way) as
 * {@code features} in feature mode (DINO-WM) or as {@code z} with a RePo bottleneck; proprio (N, S, P) when the model predicts it; reward (N, S) from the reward head when the
 * model has one. Gradients flow from all of them back to the actions.
 */
public final class WorldModelRollout implements RolloutModel {
    private final WorldModel model;
    private final DataNormalization normalization;
    private final float[] actionMean;
    private final float[] actionStd;
    private final int tokens;
    private final int latentDim;
    private final int proprioDim;
    private final int frameActionDim;

    /**
     * @param model the trained world model (not owned: the caller closes it)
     * @param normalization the statistics the model was trained with; its action and proprio sizes must match
     */
    public WorldModelRollout(WorldModel model, DataNormalization normalization) {
        if (model == null || normalization == null) {
            throw new IllegalArgumentException("model, normalization: expected values, got null");
        }
        PredictorConfig p = model.config().predictor();
        if (normalization.actionDim() != p.actionDim()) {
            throw new IllegalArgumentException("normalization: expected " + p.actionDim() + " action dimensions like the model, got "
                    + normalization.actionDim());
        }
        if (p.proprioDim() > 0 && normalization.proprioDim() != p.proprioDim()) {
            throw new IllegalArgumentException("normalization: expected " + p.proprioDim() + " proprio dimensions like the model, got "
                    + normalization.proprioDim());
        }
        this.model = model;
        this.normalization = normalization;
        this.actionMean = normalization.frameActionMean(p.frameskip());
        this.actionStd = normalization.frameActionStd(p.frameskip());
        this.tokens = p.tokensPerFrame();
        this.latentDim = model.config().latentDim();
        this.proprioDim = p.proprioDim();
        this.frameActionDim = p.frameActionDim();
    }

    public WorldModel model() {
        return model;
    }

    public DataNormalization normalization() {
        return normalization;
    }

    /** Width of one context row, n·C + P + k·A. */
    public int contextWidth() {
        return tokens * latentDim + proprioDim + frameActionDim;
    }

    /**
     * Packs the observed present into this model's context layout.
     *
     * @param features (h, N, D) encoder patch features of the context frames, oldest first (h ≥ 1)
     * @param proprio (h, P) world-unit proprio of those frames, or null when the model has no proprio
     * @param pastActions (h − 1, k·A) world-unit frame-step actions between them, or null when h = 1
     * @return (h, n·C + P + k·A) in the features' manager
     */
    public NDArray context(NDArray features, float[][] proprio, float[][] pastActions) {
        Shape s = features.getShape();
        if (s.dimension() != 3) {
            throw new IllegalArgumentException("features: expected (h, N, D), got " + s);
        }
        int h = (int) s.get(0);
        NDManager m = features.getManager();
        float[] extra = new float[h * (proprioDim + frameActionDim)];
        int row = proprioDim + frameActionDim;
        if (proprioDim > 0) {
            if (proprio == null || proprio.length != h) {
                throw new IllegalArgumentException("proprio: expected " + h + " rows of " + proprioDim + ", got "
                        + (proprio == null ? "null" : proprio.length + " rows"));
            }
            for (int t = 0; t < h; t++) {
                System.arraycopy(normalization.normalizeProprio(proprio[t]), 0, extra, t * row, proprioDim);
            }
        }
        int past = pastActions == null ? 0 : pastActions.length;
        if (past != h - 1) {
            throw new IllegalArgumentException("pastActions: expected " + (h - 1) + " rows for " + h + " context frames, got " + past);
        }
        for (int t = 0; t < past; t++) {
            if (pastActions[t].length != frameActionDim) {
                throw new IllegalArgumentException("pastActions[" + t + "]: expected length " + frameActionDim + ", got "
                        + pastActions[t].length);
            }
            System.arraycopy(normalization.normalizeActions(pastActions[t]), 0, extra, t * row + proprioDim, frameActionDim);
        }
        try (NDScope scope = new NDScope()) {
            NDArray latents = model.encode(features.expandDims(0)).reshape(h, (long) tokens * latentDim);
            NDArray packed = row == 0 ? latents : NDArrays.concat(new NDList(latents, m.create(extra, new Shape(h, row))), 1);
            NDScope.unregister(packed);
            return packed;
        }
    }

    /**
     * The goal in the spaces the objective compares: the latent tokens of the goal frame's features, flattened
     * to (n·C) like the imagined frames, and its standardised proprio (P), both in the features' manager.
     *
     * @param features (N, D) encoder patch features of the goal frame
     * @param proprio world-unit goal proprio, or null to leave it out
     */
    public Goal goal(NDArray features, float[] proprio) {
        if (features.getShape().dimension() != 2) {
            throw new IllegalArgumentException("features: expected (N, D) of one goal frame, got " + features.getShape());
        }
        NDArray latent = model.encode(features.expandDims(0)).reshape((long) tokens * latentDim);
        NDArray p = proprio == null || proprioDim == 0 ? null : features.getManager().create(normalization.normalizeProprio(proprio));
        return model.config().usesRepo() ? new Goal(null, latent, p) : new Goal(latent, null, p);
    }

    @Override
    public Imagination imagine(NDArray context, NDArray actions) {
        Shape a = actions.getShape();
        if (a.dimension() != 3 || a.get(2) != frameActionDim) {
            throw new IllegalArgumentException("actions: expected (N, S, " + frameActionDim + ") frame-step actions, got " + a);
        }
        Shape c = context.getShape();
        if (c.dimension() != 2 || c.get(1) != contextWidth()) {
            throw new IllegalArgumentException("context: expected (h, " + contextWidth() + ") from WorldModelRollout.context, got " + c);
        }
        NDManager m = actions.getManager();
        long h = c.get(0);
        long latentWidth = (long) tokens * latentDim;
        NDArray latents = context.get(":, 0:" + latentWidth).reshape(1, h, tokens, latentDim);
        NDArray proprio = proprioDim == 0 ? null
                : context.get(":, " + latentWidth + ":" + (latentWidth + proprioDim)).reshape(1, h, proprioDim);
        NDArray past = h == 1 ? null
                : context.get("0:" + (h - 1) + ", " + (latentWidth + proprioDim) + ":").reshape(1, h - 1, frameActionDim);
        NDArray mean = m.create(actionMean);
        NDArray std = m.create(actionStd);
        NDArray standardised = actions.sub(mean).div(std);
        Rollout rollout = model.rollout(new LatentContext(latents, proprio, past), standardised);
        NDArray reward = model.heads() != null && model.heads().hasReward()
                ? model.heads().read(model.parameterStore(), rollout.latents(), false).reward() : null;
        NDArray flat = rollout.latents().reshape(a.get(0), a.get(1), latentWidth);
        boolean repo = model.config().usesRepo();
        return new Imagination(repo ? null : flat, repo ? flat : null, rollout.proprio(), reward);
    }

    /** True: the rollout is built from DJL operations end to end, so gradients reach the actions. */
    @Override
    public boolean isDifferentiable() {
        return true;
    }
}

package ai.foresight.worldmodel.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.TruncatedNormalInitializer;
import ai.djl.util.PairList;
import ai.foresight.encoders.nn.AttentionMasks;
import ai.foresight.encoders.nn.PreNormTransformerBlock;
import ai.foresight.worldmodel.PredictorConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Action-conditioned latent predictor: a ViT over the tokens of T ≤ H frames with frame-block causal
 * attention (a token sees its own frame and earlier ones), after DINO-WM (Zhou et al., 2024, "World Models
 * on Pre-trained Visual Features enable Zero-shot Planning").
 *
 * <p>Inputs: latents (B, T, n, C), the frame step's concatenated actions (B, T, k·A) (action t is the one
 * taken after frame t) and, when the config has proprio, proprio (B, T, P). The action and proprio
 * embeddings are concatenated to every token's channels and projected to the model width, as DINO-WM does
 * (computed as the token's projection plus the condition's projection, broadcast over the frame's tokens),
 * or, with {@code actionTokens}, projected into one extra token per frame; learned spatial and temporal
 * position embeddings are added. Output per position t: the next frame's tokens (B, T, n, C) — as a residual on
 * frame t's tokens, so an untrained predictor starts at the copy-last-frame baseline — optionally a
 * Gaussian standard deviation (B, T, n, C) (softplus + minStd; the RePo prior), and the next proprio
 * (B, T, P) (with {@code proprioResidual}, as a residual on frame t's proprio). Because of the mask, the
 * prediction at position t never depends on frames after t, so one forward gives all H teacher-forced predictions.
 *
 * <p>Masks are additive (L, L) arrays built once per frame count and cached on the manager the block was
 * initialised with.
 */
public final class LatentPredictor extends AbstractBlock {
    private static final byte VERSION = 1;
    /** Forward option: compute outputs for the last position only. */
    public static final String LAST_FRAME_ONLY = "last_frame_only";

    private final PredictorConfig config;
    private final int latentDim;
    private final boolean gaussian;
    private final float minStd;
    private final Linear actionEmbed;
    private final Linear proprioEmbed;
    private final Linear inputProjection;
    private final Linear conditionProjection;
    private final Parameter spatialEmbedding;
    private final Parameter temporalEmbedding;
    private final List<PreNormTransformerBlock> blocks = new ArrayList<>();
    private final LayerNorm finalNorm;
    private final Linear latentHead;
    private final Linear proprioHead;
    private final Map<Integer, NDArray> masks = new ConcurrentHashMap<>();
    private NDManager maskManager;

    /**
     * @param config predictor shape
     * @param latentDim channels C of each input and predicted token
     * @param gaussianStdFloor when positive, the head also predicts a standard deviation with this floor
     *     (RePo prior); 0 for a deterministic prediction
     */
    public LatentPredictor(PredictorConfig config, int latentDim, double gaussianStdFloor) {
        super(VERSION);
        if (latentDim <= 0) {
            throw new IllegalArgumentException("latentDim: expected > 0, got " + latentDim);
        }
        this.config = config;
        this.latentDim = latentDim;
        this.gaussian = gaussianStdFloor > 0;
        this.minStd = (float) gaussianStdFloor;
        int w = config.width();
        this.actionEmbed = addChildBlock("action_embed", Linear.builder().setUnits(config.actionEmbedDim()).build());
        this.proprioEmbed = config.proprioDim() > 0
                ? addChildBlock("proprio_embed", Linear.builder().setUnits(config.proprioEmbedDim()).build())
                : null;
        this.inputProjection = addChildBlock("input_projection", Linear.builder().setUnits(w).build());
        // Tiled mode: Linear(concat(token, condition)) = Linear_t(token) + Linear_c(condition), so the condition
        // is projected once per frame and broadcast over its tokens (same function, n times fewer products).
        this.conditionProjection = addChildBlock("condition_projection",
                Linear.builder().setUnits(w).optBias(config.actionTokens()).build());
        this.spatialEmbedding = addParameter(Parameter.builder().setName("spatial_embedding")
                .setType(Parameter.Type.WEIGHT).optInitializer(new TruncatedNormalInitializer(0.02f))
                .optShape(new Shape(config.sequenceTokensPerFrame(), w)).build());
        this.temporalEmbedding = addParameter(Parameter.builder().setName("temporal_embedding")
                .setType(Parameter.Type.WEIGHT).optInitializer(new TruncatedNormalInitializer(0.02f))
                .optShape(new Shape(config.historyFrames(), 1, w)).build());
        for (int i = 0; i < config.depth(); i++) {
            blocks.add(addChildBlock("block" + i,
                    new PreNormTransformerBlock(w, config.heads(), config.mlpDim(), config.dropout())));
        }
        this.finalNorm = addChildBlock("final_norm", LayerNorm.builder().axis(2).build());
        this.latentHead = addChildBlock("latent_head", Linear.builder().setUnits((gaussian ? 2L : 1L) * latentDim).build());
        this.latentHead.setInitializer(new ConstantInitializer(0f), Parameter.Type.WEIGHT);
        this.proprioHead = config.proprioDim() > 0
                ? addChildBlock("proprio_head", Linear.builder().setUnits(config.proprioDim()).build())
                : null;
        if (proprioHead != null && config.proprioResidual()) {
            proprioHead.setInitializer(new ConstantInitializer(0f), Parameter.Type.WEIGHT);
        }
    }

    public PredictorConfig config() {
        return config;
    }

    /** Channels C of each token. */
    public int latentDim() {
        return latentDim;
    }

    public boolean isGaussian() {
        return gaussian;
    }

    /**
     * Predicts the next frame for every position.
     *
     * @param latents (B, T, n, C), 1 ≤ T ≤ H
     * @param actions (B, T, k·A)
     * @param proprio (B, T, P), or null when the config has no proprio
     */
    public Prediction predict(ParameterStore ps, NDArray latents, NDArray actions, NDArray proprio, boolean training) {
        return predict(ps, latents, actions, proprio, training, false);
    }

    /**
     * As {@link #predict(ParameterStore, NDArray, NDArray, NDArray, boolean)}; with {@code lastFrameOnly} the
     * outputs cover only the last position, (B, 1, n, C) and (B, 1, P), skipping the heads' work for the
     * others (what a rollout step needs).
     */
    public Prediction predict(ParameterStore ps, NDArray latents, NDArray actions, NDArray proprio, boolean training,
            boolean lastFrameOnly) {
        NDList inputs = proprio == null ? new NDList(latents, actions) : new NDList(latents, actions, proprio);
        PairList<String, Object> options = null;
        if (lastFrameOnly) {
            options = new PairList<>();
            options.add(LAST_FRAME_ONLY, Boolean.TRUE);
        }
        NDList out = forward(ps, inputs, training, options);
        int i = 0;
        NDArray mean = out.get(i++);
        NDArray std = gaussian ? out.get(i++) : null;
        NDArray nextProprio = proprioHead != null ? out.get(i) : null;
        return new Prediction(mean, std, nextProprio);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray latents = inputs.get(0);
        NDArray actions = inputs.get(1);
        Shape s = latents.getShape();
        checkInputs(inputs);
        long b = s.get(0);
        int t = (int) s.get(1);
        int n = config.tokensPerFrame();
        int w = config.width();

        NDArray condition = actionEmbed.forward(ps, new NDList(actions), training).singletonOrThrow();
        if (proprioEmbed != null) {
            NDArray p = proprioEmbed.forward(ps, new NDList(inputs.get(2)), training).singletonOrThrow();
            condition = condition.concat(p, -1); // (B, T, E)
        }
        NDArray tokens = inputProjection.forward(ps, new NDList(latents), training).singletonOrThrow();
        NDArray projected = conditionProjection.forward(ps, new NDList(condition), training).singletonOrThrow().expandDims(2);
        NDArray x = config.actionTokens()
                ? tokens.concat(projected, 2) // its own token: (B, T, n + 1, W)
                : tokens.add(projected); // tiled onto every token: (B, T, n, W)
        NDArray temporal = ps.getValue(temporalEmbedding, x.getDevice(), training);
        if (t < config.historyFrames()) {
            temporal = inScopeOf(x, temporal.get("0:" + t));
        }
        x = x.add(ps.getValue(spatialEmbedding, x.getDevice(), training)).add(temporal);

        int perFrame = config.sequenceTokensPerFrame();
        x = x.reshape(b, (long) t * perFrame, w);
        NDArray mask = mask(t);
        for (PreNormTransformerBlock block : blocks) {
            x = block.forward(ps, new NDList(x, mask), training).singletonOrThrow();
        }
        x = x.reshape(b, t, perFrame, w);
        boolean lastOnly = params != null && params.contains(LAST_FRAME_ONLY);
        NDArray proprio = proprioHead != null ? inputs.get(2) : null;
        if (lastOnly && t > 1) {
            x = x.get(":, " + (t - 1) + ":" + t);
            latents = latents.get(":, " + (t - 1) + ":" + t);
            proprio = proprio == null ? null : proprio.get(":, " + (t - 1) + ":" + t);
        }
        if (config.actionTokens()) {
            x = x.get(":, :, 0:" + n + ", :");
        }
        int frames = (int) x.getShape().get(1);
        x = finalNorm.forward(ps, new NDList(x.reshape(b, (long) frames * n, w)), training).singletonOrThrow()
                .reshape(b, frames, n, w);
        NDArray head = latentHead.forward(ps, new NDList(x), training).singletonOrThrow();
        NDList out = new NDList();
        if (gaussian) {
            NDList split = head.split(2, head.getShape().dimension() - 1);
            out.add(latents.add(split.get(0)));
            out.add(Activation.softPlus(split.get(1)).add(minStd));
        } else {
            out.add(latents.add(head));
        }
        if (proprioHead != null) {
            NDArray next = proprioHead.forward(ps, new NDList(x.mean(new int[] {2})), training).singletonOrThrow();
            out.add(config.proprioResidual() ? proprio.add(next) : next);
        }
        return out;
    }

    private void checkInputs(NDList inputs) {
        int expected = config.proprioDim() > 0 ? 3 : 2;
        if (inputs.size() != expected) {
            throw new IllegalArgumentException("inputs: expected " + expected
                    + " arrays (latents, actions" + (expected == 3 ? ", proprio" : "") + "), got " + inputs.size());
        }
        Shape s = inputs.get(0).getShape();
        int n = config.tokensPerFrame();
        if (s.dimension() != 4 || s.get(2) != n || s.get(3) != latentDim) {
            throw new IllegalArgumentException("latents: expected (B, T, " + n + ", " + latentDim + "), got " + s);
        }
        long t = s.get(1);
        if (t < 1 || t > config.historyFrames()) {
            throw new IllegalArgumentException(
                    "latents: expected 1 to " + config.historyFrames() + " frames (history), got " + t);
        }
        Shape expectedActions = new Shape(s.get(0), t, config.frameActionDim());
        if (!inputs.get(1).getShape().equals(expectedActions)) {
            throw new IllegalArgumentException("actions: expected " + expectedActions + ", got " + inputs.get(1).getShape());
        }
        if (expected == 3) {
            Shape expectedProprio = new Shape(s.get(0), t, config.proprioDim());
            if (!inputs.get(2).getShape().equals(expectedProprio)) {
                throw new IllegalArgumentException("proprio: expected " + expectedProprio + ", got " + inputs.get(2).getShape());
            }
        }
    }

    /** The cached additive frame-causal mask for {@code frames} frames. */
    private NDArray mask(int frames) {
        return masks.computeIfAbsent(frames, f -> {
            NDArray mask = AttentionMasks.frameCausal(maskManager, f, config.sequenceTokensPerFrame());
            NDScope.unregister(mask); // long-lived: an enclosing NDScope must not close it
            return mask;
        });
    }

    /** Moves an array created from a long-lived parameter into the scope of the step array {@code owner}. */
    private static NDArray inScopeOf(NDArray owner, NDArray created) {
        created.attach(owner.getManager());
        return created;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape latents = inputShapes[0];
        List<Shape> out = new ArrayList<>();
        out.add(latents);
        if (gaussian) {
            out.add(latents);
        }
        if (proprioHead != null) {
            out.add(new Shape(latents.get(0), latents.get(1), config.proprioDim()));
        }
        return out.toArray(new Shape[0]);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        this.maskManager = manager;
        Shape latents = inputShapes[0];
        long b = latents.get(0);
        long t = latents.get(1);
        int n = config.tokensPerFrame();
        int w = config.width();
        actionEmbed.initialize(manager, dataType, new Shape(b, t, config.frameActionDim()));
        long conditionWidth = config.actionEmbedDim();
        if (proprioEmbed != null) {
            proprioEmbed.initialize(manager, dataType, new Shape(b, t, config.proprioDim()));
            conditionWidth += config.proprioEmbedDim();
        }
        inputProjection.initialize(manager, dataType, new Shape(b, t, n, latentDim));
        conditionProjection.initialize(manager, dataType, new Shape(b, t, conditionWidth));
        Shape sequence = new Shape(b, t * config.sequenceTokensPerFrame(), w);
        for (PreNormTransformerBlock block : blocks) {
            block.initialize(manager, dataType, sequence);
        }
        finalNorm.initialize(manager, dataType, sequence);
        latentHead.initialize(manager, dataType, new Shape(b, t, n, w));
        if (proprioHead != null) {
            proprioHead.initialize(manager, dataType, new Shape(b, t, w));
        }
    }

    /**
     * One forward's output.
     *
     * @param mean predicted next tokens (B, T, n, C)
     * @param std predicted standard deviation (B, T, n, C), or null for a deterministic predictor
     * @param proprio predicted next proprio (B, T, P), or null without proprio
     */
    public record Prediction(NDArray mean, NDArray std, NDArray proprio) {}
}

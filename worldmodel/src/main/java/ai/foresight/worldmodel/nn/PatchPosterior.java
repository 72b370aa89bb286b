package ai.foresight.worldmodel.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * RePo's posterior q(z | patch token) (Zhu et al., NeurIPS 2023): for each pooled token independently,
 * LayerNorm, Linear, GELU, Linear to a Gaussian over d_z latent dims with std = softplus(·) + minStd.
 *
 * <p>Input (B, T, n, D) pooled features; output [mean (B, T, n, d_z), std (B, T, n, d_z)]. Built with a
 * {@link TokenPooling} (RePo config {@code posteriorReadsPatches}), it reads the (B, T, N, D) patches
 * instead: LayerNorm, Linear and GELU on every patch, the hidden activations averaged over each token's
 * patches, then the output Linear. The parameters have the same shapes either way; pooling after the
 * nonlinearity lets a hidden unit detect what one patch shows before neighbours are averaged in. Nothing
 * reconstructs features or pixels from z through this block's gradient path: only the task heads and the
 * KL to the prior train it.
 */
public final class PatchPosterior extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int featureDim;
    private final int latentDim;
    private final int hiddenDim;
    private final float minStd;
    private final LayerNorm norm;
    private final Linear hidden;
    private final Linear out;
    private final TokenPooling hiddenPooling;

    /** A posterior over pooled tokens (RePo's per-token form). */
    public PatchPosterior(int featureDim, int hiddenDim, int latentDim, double minStd) {
        this(featureDim, hiddenDim, latentDim, minStd, null);
    }

    /**
     * @param hiddenPooling pools the hidden activations of every patch to tokens (the posterior then reads
     *     patches), or null to read pooled tokens; owned by the caller, who closes it after this block
     */
    public PatchPosterior(int featureDim, int hiddenDim, int latentDim, double minStd, TokenPooling hiddenPooling) {
        super(VERSION);
        if (featureDim <= 0 || hiddenDim <= 0 || latentDim <= 0 || !(minStd > 0)) {
            throw new IllegalArgumentException("posterior sizes: expected positive featureDim, hidden, latentDim and minStd, got "
                    + featureDim + ", " + hiddenDim + ", " + latentDim + ", " + minStd);
        }
        this.featureDim = featureDim;
        this.latentDim = latentDim;
        this.hiddenDim = hiddenDim;
        this.minStd = (float) minStd;
        this.hiddenPooling = hiddenPooling;
        this.norm = addChildBlock("norm", LayerNorm.builder().axis(2).build());
        this.hidden = addChildBlock("hidden", Linear.builder().setUnits(hiddenDim).build());
        this.out = addChildBlock("out", Linear.builder().setUnits(2L * latentDim).build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape s = x.getShape();
        if (s.dimension() != 4 || s.get(3) != featureDim) {
            throw new IllegalArgumentException((hiddenPooling == null ? "tokens: expected (B, T, n, " : "patches: expected (B, T, N, ")
                    + featureDim + "), got " + s);
        }
        NDArray h = norm.forward(ps, new NDList(x.reshape(s.get(0) * s.get(1), s.get(2), featureDim)), training)
                .singletonOrThrow().reshape(s);
        h = Activation.gelu(hidden.forward(ps, new NDList(h), training).singletonOrThrow());
        if (hiddenPooling != null) {
            h = hiddenPooling.pool(h); // (B, T, N, hidden) -> (B, T, n, hidden); checks N
        }
        NDList split = out.forward(ps, new NDList(h), training).singletonOrThrow().split(2, 3);
        return new NDList(split.get(0), Activation.softPlus(split.get(1)).add(minStd));
    }

    /** Whether the input is every encoder patch (true) or the pooled tokens (false). */
    public boolean readsPatches() {
        return hiddenPooling != null;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        long tokens = hiddenPooling == null ? s.get(2) : hiddenPooling.tokensPerFrame();
        Shape z = new Shape(s.get(0), s.get(1), tokens, latentDim);
        return new Shape[] {z, z};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = inputShapes[0];
        norm.initialize(manager, dataType, new Shape(s.get(0) * s.get(1), s.get(2), featureDim));
        hidden.initialize(manager, dataType, s);
        out.initialize(manager, dataType, new Shape(s.get(0), s.get(1), s.get(2), hiddenDim));
    }
}

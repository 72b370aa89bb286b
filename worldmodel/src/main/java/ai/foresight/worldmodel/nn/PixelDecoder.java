package ai.foresight.worldmodel.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A small linear upsampler that renders latent frames for viewing imagined rollouts: each token is
 * mapped by an MLP (Linear, GELU, Linear, sigmoid) to its own p x p RGB square, p = S / g, and the squares
 * are laid out on the g x g grid. Train it on detached latents only, so pixels never shape the model.
 *
 * <p>Input (M, n, C) with n = g²; output (M, 3, S, S) in [0, 1].
 */
public final class PixelDecoder extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int tokenGrid;
    private final int latentDim;
    private final int imageSize;
    private final int patch;
    private final int hiddenDim;
    private final Linear hidden;
    private final Linear out;

    public PixelDecoder(int tokenGrid, int latentDim, int imageSize, int hiddenDim) {
        super(VERSION);
        if (tokenGrid <= 0 || latentDim <= 0 || hiddenDim <= 0 || imageSize <= 0 || imageSize % tokenGrid != 0) {
            throw new IllegalArgumentException("decoder: expected imageSize a positive multiple of tokenGrid " + tokenGrid
                    + " and positive sizes, got imageSize " + imageSize + ", latentDim " + latentDim + ", hidden " + hiddenDim);
        }
        this.tokenGrid = tokenGrid;
        this.latentDim = latentDim;
        this.imageSize = imageSize;
        this.patch = imageSize / tokenGrid;
        this.hiddenDim = hiddenDim;
        this.hidden = addChildBlock("hidden", Linear.builder().setUnits(hiddenDim).build());
        this.out = addChildBlock("out", Linear.builder().setUnits(3L * patch * patch).build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape s = x.getShape();
        int n = tokenGrid * tokenGrid;
        if (s.dimension() != 3 || s.get(1) != n || s.get(2) != latentDim) {
            throw new IllegalArgumentException("latents: expected (M, " + n + ", " + latentDim + "), got " + s);
        }
        long m = s.get(0);
        NDArray h = Activation.gelu(hidden.forward(ps, new NDList(x), training).singletonOrThrow());
        NDArray squares = Activation.sigmoid(out.forward(ps, new NDList(h), training).singletonOrThrow());
        NDArray image = squares.reshape(m, tokenGrid, tokenGrid, 3, patch, patch)
                .transpose(0, 3, 1, 4, 2, 5)
                .reshape(m, 3, imageSize, imageSize);
        return new NDList(image);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), 3, imageSize, imageSize)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = inputShapes[0];
        hidden.initialize(manager, dataType, s);
        out.initialize(manager, dataType, new Shape(s.get(0), s.get(1), hiddenDim));
    }

    public int imageSize() {
        return imageSize;
    }
}

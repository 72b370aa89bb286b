package ai.foresight.encoders.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** The transformer MLP: Linear(D → hidden), GELU, dropout, Linear(hidden → D), dropout. (B, L, D) → (B, L, D). */
public final class FeedForward extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int hidden;
    private final Linear up;
    private final Linear down;
    private final Dropout dropout;

    public FeedForward(int dim, int hidden, float dropoutRate) {
        super(VERSION);
        if (dim <= 0 || hidden <= 0) {
            throw new IllegalArgumentException("dim/hidden: expected positive sizes, got " + dim + ", " + hidden);
        }
        this.hidden = hidden;
        this.up = addChildBlock("up", Linear.builder().setUnits(hidden).build());
        this.down = addChildBlock("down", Linear.builder().setUnits(dim).build());
        this.dropout = addChildBlock("dropout", Dropout.builder().optRate(dropoutRate).build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList h = up.forward(ps, inputs, training);
        h = new NDList(Activation.gelu(h.singletonOrThrow()));
        h = dropout.forward(ps, h, training);
        h = down.forward(ps, h, training);
        return dropout.forward(ps, h, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        up.initialize(manager, dataType, x);
        Shape mid = x.slice(0, x.dimension() - 1).add(hidden);
        dropout.initialize(manager, dataType, mid);
        down.initialize(manager, dataType, mid);
    }
}

package ai.foresight.encoders.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A pre-norm transformer block as in ViT (Dosovitskiy et al., 2021) and DINO:
 * {@code x + Attn(LN(x), mask)}, then {@code x + MLP(LN(x))}.
 *
 * <p>Written here because DJL's {@code TransformerEncoderBlock} normalises with BatchNorm and uses a
 * different residual. Inputs: {@code x} (B, L, D) and an optional additive mask (L, L); output (B, L, D).
 * Shared by the encoder ViT and the world model's frame-causal predictor.
 */
public final class PreNormTransformerBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int dim;
    private final LayerNorm norm1;
    private final MultiHeadSelfAttention attention;
    private final LayerNorm norm2;
    private final FeedForward mlp;

    /**
     * @param dim token width D
     * @param heads attention heads (must divide D)
     * @param mlpDim hidden width of the MLP
     * @param dropout dropout rate inside attention and MLP (0 to disable)
     */
    public PreNormTransformerBlock(int dim, int heads, int mlpDim, float dropout) {
        super(VERSION);
        this.dim = dim;
        this.norm1 = addChildBlock("norm1", LayerNorm.builder().axis(2).build());
        this.attention = addChildBlock("attention", new MultiHeadSelfAttention(dim, heads, dropout));
        this.norm2 = addChildBlock("norm2", LayerNorm.builder().axis(2).build());
        this.mlp = addChildBlock("mlp", new FeedForward(dim, mlpDim, dropout));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        if (x.getShape().dimension() != 3 || x.getShape().get(2) != dim) {
            throw new IllegalArgumentException("x: expected (B, L, " + dim + "), got " + x.getShape());
        }
        NDList attnIn = new NDList(norm1.forward(ps, new NDList(x), training).singletonOrThrow());
        if (inputs.size() > 1) {
            attnIn.add(inputs.get(1));
        }
        x = x.add(attention.forward(ps, attnIn, training).singletonOrThrow());
        NDArray h = mlp.forward(ps, norm2.forward(ps, new NDList(x), training), training).singletonOrThrow();
        return new NDList(x.add(h));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        norm1.initialize(manager, dataType, x);
        attention.initialize(manager, dataType, x);
        norm2.initialize(manager, dataType, x);
        mlp.initialize(manager, dataType, x);
    }
}

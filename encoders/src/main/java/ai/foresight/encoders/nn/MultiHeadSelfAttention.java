package ai.foresight.encoders.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head scaled dot-product self-attention (Vaswani et al., 2017) with an optional additive mask.
 *
 * <p>Input {@code x} (B, L, D) and, optionally, an additive mask (L, L) whose entries are 0 where a
 * query may attend to a key and a large negative number where it may not (precompute it once: a
 * mask rebuilt per call leaks arrays in long runs). Output (B, L, D).
 */
public final class MultiHeadSelfAttention extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int dim;
    private final int heads;
    private final Linear qkv;
    private final Linear proj;
    private final Dropout attentionDropout;

    public MultiHeadSelfAttention(int dim, int heads, float dropout) {
        super(VERSION);
        if (dim <= 0 || heads <= 0 || dim % heads != 0) {
            throw new IllegalArgumentException("dim/heads: expected dim divisible by heads, got dim " + dim + ", heads " + heads);
        }
        this.dim = dim;
        this.heads = heads;
        this.qkv = addChildBlock("qkv", Linear.builder().setUnits(3L * dim).build());
        this.proj = addChildBlock("proj", Linear.builder().setUnits(dim).build());
        this.attentionDropout = addChildBlock("attention_dropout", Dropout.builder().optRate(dropout).build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        Shape s = x.getShape();
        if (s.dimension() != 3 || s.get(2) != dim) {
            throw new IllegalArgumentException("x: expected (B, L, " + dim + "), got " + s);
        }
        long b = s.get(0);
        long l = s.get(1);
        long dh = dim / heads;
        NDArray packed = qkv.forward(ps, new NDList(x), training).singletonOrThrow()
                .reshape(b, l, 3, heads, dh)
                .transpose(2, 0, 3, 1, 4); // (3, B, heads, L, dh)
        NDArray q = packed.get(0);
        NDArray k = packed.get(1);
        NDArray v = packed.get(2);
        // The scale is an array in the input's manager, not mul(Number): DJL frees a Number's scalar
        // tensor right away, and autograd would read freed memory in backward.
        NDArray scale = x.getManager().full(new Shape(), (float) (1.0 / Math.sqrt(dh)), x.getDataType());
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul(scale); // (B, heads, L, L)
        if (inputs.size() > 1) {
            NDArray mask = inputs.get(1);
            if (!mask.getShape().equals(new Shape(l, l))) {
                throw new IllegalArgumentException("mask: expected (" + l + ", " + l + "), got " + mask.getShape());
            }
            scores = scores.add(mask);
        }
        NDArray weights = attentionDropout.forward(ps, new NDList(scores.softmax(-1)), training).singletonOrThrow();
        NDArray mixed = weights.matMul(v).transpose(0, 2, 1, 3).reshape(b, l, dim);
        return proj.forward(ps, new NDList(mixed), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        qkv.initialize(manager, dataType, x);
        proj.initialize(manager, dataType, x);
        attentionDropout.initialize(manager, dataType, new Shape(x.get(0), heads, x.get(1), x.get(1)));
    }

    @Override
    public String toString() {
        return "MultiHeadSelfAttention(dim=" + dim + ", heads=" + heads + ")";
    }
}

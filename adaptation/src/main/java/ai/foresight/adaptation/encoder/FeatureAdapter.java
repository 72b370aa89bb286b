package ai.foresight.adaptation.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;

/**
 * A light adapter on the frozen encoder's patch features, identity at initialisation: a per-channel
 * affine {@code y = x ⊙ scale + shift} (scale 1, shift 0) and, with a positive rank r, a residual
 * bottleneck {@code y + GELU(y·down + b₁)·up + b₂} whose up-projection starts at zero (the residual
 * adapters of Houlsby et al., 2019, "Parameter-Efficient Transfer Learning for NLP"). The frozen
 * encoder's weights stay as shipped; only these 2·D (+ 2·D·r + r + D) numbers move.
 *
 * <p>Input and output (B, N, D); intermediates live in the input's manager.
 */
public final class FeatureAdapter extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int dim;
    private final int rank;
    private final Parameter scale;
    private final Parameter shift;
    private final Parameter down;
    private final Parameter downBias;
    private final Parameter up;
    private final Parameter upBias;

    /**
     * @param dim feature width D
     * @param affine whether the per-channel affine is learned (otherwise it is absent)
     * @param rank residual bottleneck width r; 0 for none
     */
    public FeatureAdapter(int dim, boolean affine, int rank) {
        super(VERSION);
        if (dim <= 0 || rank < 0 || !affine && rank == 0) {
            throw new IllegalArgumentException("feature adapter: expected dim > 0, rank >= 0 and an affine or a rank > 0, got dim "
                    + dim + ", affine " + affine + ", rank " + rank);
        }
        this.dim = dim;
        this.rank = rank;
        this.scale = affine ? addParameter(Parameter.builder().setName("scale").setType(Parameter.Type.GAMMA)
                .optShape(new Shape(dim)).optInitializer(new ConstantInitializer(1f)).build()) : null;
        this.shift = affine ? addParameter(Parameter.builder().setName("shift").setType(Parameter.Type.BETA)
                .optShape(new Shape(dim)).build()) : null;
        if (rank > 0) {
            this.down = addParameter(Parameter.builder().setName("down").setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(dim, rank)).optInitializer(new XavierInitializer()).build());
            this.downBias = addParameter(Parameter.builder().setName("down_bias").setType(Parameter.Type.BIAS)
                    .optShape(new Shape(rank)).build());
            this.up = addParameter(Parameter.builder().setName("up").setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(rank, dim)).optInitializer(new ConstantInitializer(0f)).build());
            this.upBias = addParameter(Parameter.builder().setName("up_bias").setType(Parameter.Type.BIAS)
                    .optShape(new Shape(dim)).build());
        } else {
            this.down = null;
            this.downBias = null;
            this.up = null;
            this.upBias = null;
        }
    }

    public int dim() {
        return dim;
    }

    public int rank() {
        return rank;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape s = x.getShape();
        if (s.dimension() != 3 || s.get(2) != dim) {
            throw new IllegalArgumentException("features: expected (B, N, " + dim + "), got " + s);
        }
        NDArray y = x;
        if (scale != null) {
            y = y.mul(ps.getValue(scale, x.getDevice(), training)).add(ps.getValue(shift, x.getDevice(), training));
        }
        if (rank > 0) {
            NDArray h = Activation.gelu(y.matMul(ps.getValue(down, x.getDevice(), training))
                    .add(ps.getValue(downBias, x.getDevice(), training)));
            y = y.add(h.matMul(ps.getValue(up, x.getDevice(), training)).add(ps.getValue(upBias, x.getDevice(), training)));
        }
        return new NDList(y);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}

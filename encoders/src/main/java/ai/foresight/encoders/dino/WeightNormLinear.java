package ai.foresight.encoders.dino;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.TruncatedNormalInitializer;
import ai.djl.util.PairList;

/**
 * A bias-free linear layer whose weight rows are normalised to unit length on every call, the
 * weight normalisation of Salimans and Kingma (2016) with the gain fixed at 1, as DINO's last layer
 * ({@code norm_last_layer}). Input (B, in), output (B, out).
 */
public final class WeightNormLinear extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int out;
    private final Parameter weight;

    public WeightNormLinear(int in, int out) {
        super(VERSION);
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("in/out: expected positive widths, got " + in + ", " + out);
        }
        this.out = out;
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(out, in)).optInitializer(new TruncatedNormalInitializer(0.02f)).build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDManager owner = x.getManager();
        NDArray v = ps.getValue(weight, x.getDevice(), training);
        // each result computed from the parameter is moved to the caller's manager at once
        NDArray norms = own(v.norm(new int[] {1}, true), owner); // (out, 1)
        NDArray unit = own(v.div(norms), owner);
        return new NDList(x.matMul(unit.transpose()));
    }

    private static NDArray own(NDArray a, NDManager owner) {
        a.attach(owner);
        return a;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), out)};
    }
}

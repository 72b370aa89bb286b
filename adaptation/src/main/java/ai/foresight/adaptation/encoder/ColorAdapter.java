package ai.foresight.adaptation.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A learned colour transform applied to the pixels before the frozen encoder: every pixel's (R, G, B) is
 * mixed by a 3x3 matrix and shifted, {@code out_o = Σ_i in_i·mixing[i][o] + bias[o]}, starting at the
 * identity. Twelve numbers, yet it can undo any linear colour change of the camera exactly: a channel
 * permutation, a white-balance change, or the hue rotation of the {@code color-shift} domain. Values are
 * not clipped to 0..1 (a clip would stop the gradient where it is needed most).
 *
 * <p>Input and output (B, 3, H, W); intermediates live in the input's manager.
 */
public final class ColorAdapter extends AbstractBlock {
    private static final byte VERSION = 1;

    private final Parameter mixing;
    private final Parameter bias;

    public ColorAdapter() {
        super(VERSION);
        this.mixing = addParameter(Parameter.builder().setName("mixing").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(3, 3)).optInitializer((m, shape, type) -> m.eye(3).toType(type, false)).build());
        this.bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(3)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray pixels = requirePixels(inputs);
        NDArray m = ps.getValue(mixing, pixels.getDevice(), training);
        NDArray b = ps.getValue(bias, pixels.getDevice(), training);
        return new NDList(pixels.transpose(0, 2, 3, 1).matMul(m).add(b).transpose(0, 3, 1, 2));
    }

    /** The single input of a pixel-side adapter, checked to be (B, 3, H, W). */
    static NDArray requirePixels(NDList inputs) {
        NDArray pixels = inputs.singletonOrThrow();
        Shape s = pixels.getShape();
        if (s.dimension() != 4 || s.get(1) != 3) {
            throw new IllegalArgumentException("pixels: expected (B, 3, H, W), got " + s);
        }
        return pixels;
    }

    /** The current mixing matrix, row i = input channel, column o = output channel. */
    public float[][] mixingMatrix() {
        float[] flat = mixing.getArray().toFloatArray();
        return new float[][] {
            {flat[0], flat[1], flat[2]}, {flat[3], flat[4], flat[5]}, {flat[6], flat[7], flat[8]}};
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}

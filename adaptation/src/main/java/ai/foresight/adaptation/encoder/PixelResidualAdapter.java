package ai.foresight.adaptation.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;

/**
 * A small residual convolutional network on the pixels before the frozen encoder, identity at
 * initialisation: {@code y = x + conv1x1(ReLU(conv3x3(ReLU(conv3x3(x)))))} with C hidden channels, the last
 * 1x1 convolution starting at zero (the convolutional residual adapters of Rebuffi, Bilen and Vedaldi,
 * NeurIPS 2017, "Learning multiple visual domains with residual adapters", placed here in front of the
 * encoder instead of inside it, so the shipped ViT weights stay untouched).
 *
 * <p>Why pixels: a new background texture changes every patch's features in a way that depends on what
 * else is in the patch, which a per-channel colour mix or a per-token feature adapter cannot undo; a 5x5
 * receptive field can tell the scene's flat colours from a texture and repaint it. C = 16 costs about
 * 23 MFLOP per 64x64 frame, a fraction of the encoder.
 *
 * <p>Input and output (B, 3, H, W); intermediates live in the input's manager.
 */
public final class PixelResidualAdapter extends AbstractBlock {
    private static final byte VERSION = 1;
    private static final Shape UNIT = new Shape(1, 1);
    private static final Shape SAME_3X3 = new Shape(1, 1);
    private static final Shape NO_PADDING = new Shape(0, 0);

    private final int channels;
    private final Parameter inWeight;
    private final Parameter inBias;
    private final Parameter midWeight;
    private final Parameter midBias;
    private final Parameter outWeight;
    private final Parameter outBias;

    /** @param channels hidden channels C (> 0) */
    public PixelResidualAdapter(int channels) {
        super(VERSION);
        if (channels <= 0) {
            throw new IllegalArgumentException("channels: expected > 0, got " + channels);
        }
        this.channels = channels;
        this.inWeight = addParameter(Parameter.builder().setName("in_weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(channels, 3, 3, 3)).optInitializer(new XavierInitializer()).build());
        this.inBias = addParameter(Parameter.builder().setName("in_bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(channels)).build());
        this.midWeight = addParameter(Parameter.builder().setName("mid_weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(channels, channels, 3, 3)).optInitializer(new XavierInitializer()).build());
        this.midBias = addParameter(Parameter.builder().setName("mid_bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(channels)).build());
        this.outWeight = addParameter(Parameter.builder().setName("out_weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(3, channels, 1, 1)).optInitializer(new ConstantInitializer(0f)).build());
        this.outBias = addParameter(Parameter.builder().setName("out_bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(3)).build());
    }

    public int channels() {
        return channels;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray pixels = ColorAdapter.requirePixels(inputs);
        NDArray h = Activation.relu(conv(ps, pixels, inWeight, inBias, SAME_3X3, training));
        h = Activation.relu(conv(ps, h, midWeight, midBias, SAME_3X3, training));
        return new NDList(pixels.add(conv(ps, h, outWeight, outBias, NO_PADDING, training)));
    }

    private static NDArray conv(ParameterStore ps, NDArray x, Parameter weight, Parameter bias, Shape padding, boolean training) {
        return Conv2d.conv2d(x, ps.getValue(weight, x.getDevice(), training), ps.getValue(bias, x.getDevice(), training),
                UNIT, padding).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}

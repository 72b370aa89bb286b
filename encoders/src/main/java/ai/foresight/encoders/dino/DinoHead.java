package ai.foresight.encoders.dino;

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
import java.util.ArrayList;
import java.util.List;

/**
 * DINO's projection head (Caron et al., 2021): MLP → L2 normalisation → weight-normalised linear
 * layer. Input (B, D) backbone CLS features, output (B, K) logits. The last layer's parameters are
 * named {@code last_layer} so the trainer can hold them still for the first steps.
 */
public final class DinoHead extends AbstractBlock {
    private static final byte VERSION = 1;
    /** Name of the weight-normalised last layer among the head's children. */
    public static final String LAST_LAYER = "last_layer";

    private final DinoHeadConfig config;
    private final List<Linear> mlp = new ArrayList<>();
    private final WeightNormLinear lastLayer;

    public DinoHead(DinoHeadConfig config) {
        super(VERSION);
        this.config = config;
        for (int i = 0; i < config.layers(); i++) {
            int units = i == config.layers() - 1 ? config.bottleneckDim() : config.hiddenDim();
            mlp.add(addChildBlock("mlp" + i, Linear.builder().setUnits(units).build()));
        }
        this.lastLayer = addChildBlock(LAST_LAYER, new WeightNormLinear(config.bottleneckDim(), config.outDim()));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (x.getShape().dimension() != 2) {
            throw new IllegalArgumentException("x: expected (B, D), got " + x.getShape());
        }
        for (int i = 0; i < mlp.size(); i++) {
            x = mlp.get(i).forward(ps, new NDList(x), training).singletonOrThrow();
            if (i < mlp.size() - 1) {
                x = Activation.gelu(x);
            }
        }
        NDArray norm = x.norm(new int[] {1}, true).add(1e-12f); // an addition's backward never reads its scalar
        return lastLayer.forward(ps, new NDList(x.div(norm)), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), config.outDim())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        for (Linear layer : mlp) {
            layer.initialize(manager, dataType, x);
            x = layer.getOutputShapes(new Shape[] {x})[0];
        }
        lastLayer.initialize(manager, dataType, x);
    }
}

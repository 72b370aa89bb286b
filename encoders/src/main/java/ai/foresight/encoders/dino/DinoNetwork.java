package ai.foresight.encoders.dino;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import ai.foresight.encoders.vit.VisionTransformer;
import ai.foresight.encoders.vit.VitConfig;

/**
 * One side of DINO, student or teacher: the ViT backbone whose CLS token goes through the projection
 * head. Input pixels (B, 3, H, W) in 0..1 at any patch-multiple size (global or local crops); output
 * logits (B, K).
 */
public final class DinoNetwork extends AbstractBlock {
    private static final byte VERSION = 1;

    private final VisionTransformer backbone;
    private final DinoHead head;

    public DinoNetwork(VitConfig vit, DinoHeadConfig headConfig) {
        super(VERSION);
        this.backbone = addChildBlock("backbone", new VisionTransformer(vit));
        this.head = addChildBlock("head", new DinoHead(headConfig));
    }

    public VisionTransformer backbone() {
        return backbone;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray tokens = backbone.forward(ps, inputs, training).singletonOrThrow();
        NDArray cls = tokens.get(new NDIndex(":, 0, :"));
        return head.forward(ps, new NDList(cls), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape tokens = backbone.getOutputShapes(inputShapes)[0];
        return head.getOutputShapes(new Shape[] {new Shape(tokens.get(0), tokens.get(2))});
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        backbone.initialize(manager, dataType, inputShapes);
        Shape tokens = backbone.getOutputShapes(inputShapes)[0];
        head.initialize(manager, dataType, new Shape(tokens.get(0), tokens.get(2)));
    }
}

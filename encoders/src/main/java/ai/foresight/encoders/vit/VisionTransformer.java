package ai.foresight.encoders.vit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.TruncatedNormalInitializer;
import ai.djl.util.PairList;
import ai.foresight.encoders.nn.PreNormTransformerBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * The Vision Transformer of DINO (Caron et al., 2021, "Emerging Properties in Self-Supervised Vision
 * Transformers"; architecture of Dosovitskiy et al., 2021): a convolutional patch embedding (kernel =
 * stride = patch), a CLS token, learned position embeddings (bicubically resampled for other grid
 * sizes, see {@link PositionEmbeddings}), pre-norm transformer blocks and a final LayerNorm.
 *
 * <p>Input: pixels (B, 3, H, W) in 0..1, H and W multiples of the patch size (normalised inside with
 * the config's mean/std). Output: tokens (B, 1 + N, D), CLS first, then the gh·gw patches row-major.
 * All intermediates are attached to the input's manager, so a caller's sub-manager frees them.
 */
public final class VisionTransformer extends AbstractBlock {
    private static final byte VERSION = 1;

    private final VitConfig config;
    private final Conv2d patchEmbedding;
    private final Parameter clsToken;
    private final Parameter positionEmbedding;
    private final List<PreNormTransformerBlock> blocks = new ArrayList<>();
    private final LayerNorm norm;

    public VisionTransformer(VitConfig config) {
        super(VERSION);
        this.config = config;
        int p = config.patchSize();
        this.patchEmbedding = addChildBlock("patch_embedding", Conv2d.builder()
                .setKernelShape(new Shape(p, p)).optStride(new Shape(p, p)).setFilters(config.dim()).build());
        int grid = config.grid();
        this.clsToken = addParameter(Parameter.builder().setName("cls_token").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(1, 1, config.dim())).optInitializer(new TruncatedNormalInitializer(0.02f)).build());
        this.positionEmbedding = addParameter(Parameter.builder().setName("position_embedding")
                .setType(Parameter.Type.WEIGHT).optShape(new Shape(1, 1 + (long) grid * grid, config.dim()))
                .optInitializer(new TruncatedNormalInitializer(0.02f)).build());
        for (int i = 0; i < config.depth(); i++) {
            blocks.add(addChildBlock("block" + i,
                    new PreNormTransformerBlock(config.dim(), config.heads(), config.mlpDim(), 0f)));
        }
        this.norm = addChildBlock("norm", LayerNorm.builder().axis(2).build());
        setInitializer(new TruncatedNormalInitializer(0.02f), Parameter.Type.WEIGHT);
    }

    public VitConfig config() {
        return config;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray pixels = inputs.get(0);
        Shape s = pixels.getShape();
        int p = config.patchSize();
        if (s.dimension() != 4 || s.get(1) != 3 || s.get(2) % p != 0 || s.get(3) % p != 0 || s.get(2) == 0 || s.get(3) == 0) {
            throw new IllegalArgumentException("pixels: expected (B, 3, H, W) with H, W positive multiples of " + p + ", got " + s);
        }
        NDManager owner = pixels.getManager();
        long b = s.get(0);
        int gh = (int) (s.get(2) / p);
        int gw = (int) (s.get(3) / p);
        NDArray x = config.normalization().apply(pixels);
        x = patchEmbedding.forward(ps, new NDList(x), training).singletonOrThrow() // (B, D, gh, gw)
                .reshape(b, config.dim(), (long) gh * gw).transpose(0, 2, 1); // (B, N, D)
        NDArray cls = own(ps.getValue(clsToken, pixels.getDevice(), training).broadcast(b, 1, config.dim()), owner);
        NDArray pos = ps.getValue(positionEmbedding, pixels.getDevice(), training);
        if (gh != config.grid() || gw != config.grid()) {
            // copy into the caller's manager first, so the resampling's intermediates are freed with the step
            pos = PositionEmbeddings.resample(own(pos.duplicate(), owner), config.grid(), config.grid(), gh, gw);
        }
        x = NDArrays.concat(new NDList(cls, x), 1).addi(pos);
        for (PreNormTransformerBlock block : blocks) {
            x = block.forward(ps, new NDList(x), training).singletonOrThrow();
        }
        return norm.forward(ps, new NDList(x), training);
    }

    /** Moves an array computed from a parameter into the caller's manager, so it is freed with the step. */
    private static NDArray own(NDArray array, NDManager owner) {
        array.attach(owner);
        return array;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        long n = (s.get(2) / config.patchSize()) * (s.get(3) / config.patchSize());
        return new Shape[] {new Shape(s.get(0), n + 1, config.dim())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape pixels = inputShapes[0];
        patchEmbedding.initialize(manager, dataType, pixels);
        Shape tokens = getOutputShapes(new Shape[] {pixels})[0];
        for (PreNormTransformerBlock block : blocks) {
            block.initialize(manager, dataType, tokens);
        }
        norm.initialize(manager, dataType, tokens);
    }

    @Override
    public String toString() {
        return "VisionTransformer(" + config + ")";
    }
}
